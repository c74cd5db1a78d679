// Subscribers for bench/live-capacity.bench.ts: N classroom-like participants that join a lesson's room and
// receive the teacher's video and audio without decoding (as a light client would), so the figure is the
// LiveKit server's, not the load generator's. Counts RTP packets, bytes and sequence gaps (loss) per
// subscriber during a measured window, and prints one JSON line.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

type counter struct {
	packets  atomic.Int64
	bytes    atomic.Int64
	expected atomic.Int64
}

type sub struct {
	video counter
	audio counter
	ready atomic.Bool
}

func main() {
	url := flag.String("url", "ws://127.0.0.1:7880", "LiveKit URL")
	key := flag.String("key", "", "API key")
	secret := flag.String("secret", "", "API secret")
	room := flag.String("room", "", "room name")
	n := flag.Int("n", 10, "subscribers")
	seconds := flag.Int("seconds", 20, "measured window")
	ramp := flag.Duration("ramp", 40*time.Millisecond, "pause between joins")
	prefix := flag.String("prefix", "load", "identity prefix")
	flag.Parse()

	subs := make([]*sub, *n)
	rooms := make([]*lksdk.Room, 0, *n)
	var mu sync.Mutex
	var measuring atomic.Bool
	failed := 0
	for i := 0; i < *n; i++ {
		s := &sub{}
		subs[i] = s
		cb := lksdk.NewRoomCallback()
		cb.OnTrackSubscribed = func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
			c := &s.audio
			if track.Kind() == webrtc.RTPCodecTypeVideo {
				c = &s.video
				s.ready.Store(true)
			}
			go func() {
				var last uint16
				started := false
				for {
					p, _, err := track.ReadRTP()
					if err != nil {
						return
					}
					if !measuring.Load() {
						started = false
						continue
					}
					if started {
						gap := int64(p.SequenceNumber - last) // wraps correctly in uint16
						if gap > 0 && gap < 1000 {
							c.expected.Add(gap)
						}
					} else {
						c.expected.Add(1)
						started = true
					}
					last = p.SequenceNumber
					c.packets.Add(1)
					c.bytes.Add(int64(len(p.Payload)))
				}
			}()
		}
		r, err := lksdk.ConnectToRoom(*url, lksdk.ConnectInfo{
			APIKey: *key, APISecret: *secret, RoomName: *room, ParticipantIdentity: fmt.Sprintf("%s:%d", *prefix, i), ParticipantName: fmt.Sprintf("classroom %d", i),
		}, cb, lksdk.WithAutoSubscribe(true), lksdk.WithDisableTURN(), lksdk.WithConnectTimeout(20*time.Second))
		if err != nil {
			failed++
			fmt.Fprintln(os.Stderr, "join failed:", err)
			continue
		}
		mu.Lock()
		rooms = append(rooms, r)
		mu.Unlock()
		time.Sleep(*ramp)
	}
	// Wait (up to 30 s) for every connected subscriber to receive video, then measure.
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ready := 0
		for _, s := range subs {
			if s.ready.Load() {
				ready++
			}
		}
		if ready >= len(rooms) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(3 * time.Second)
	fmt.Fprintln(os.Stderr, "measuring")
	measuring.Store(true)
	time.Sleep(time.Duration(*seconds) * time.Second)
	measuring.Store(false)

	type result struct {
		N, Connected, Failed, WithVideo   int
		VideoKbpsMean, VideoKbpsMin       float64
		VideoLossPct, AudioLossPct        float64
		VideoPackets, AudioPackets        int64
	}
	res := result{N: *n, Connected: len(rooms), Failed: failed, VideoKbpsMin: -1}
	var vExp, vGot, aExp, aGot int64
	sum := 0.0
	for _, s := range subs {
		if !s.ready.Load() {
			continue
		}
		res.WithVideo++
		kbps := float64(s.video.bytes.Load()) * 8 / float64(*seconds) / 1000
		sum += kbps
		if res.VideoKbpsMin < 0 || kbps < res.VideoKbpsMin {
			res.VideoKbpsMin = kbps
		}
		vExp += s.video.expected.Load()
		vGot += s.video.packets.Load()
		aExp += s.audio.expected.Load()
		aGot += s.audio.packets.Load()
	}
	if res.WithVideo > 0 {
		res.VideoKbpsMean = sum / float64(res.WithVideo)
	}
	if vExp > 0 {
		res.VideoLossPct = 100 * float64(vExp-vGot) / float64(vExp)
	}
	if aExp > 0 {
		res.AudioLossPct = 100 * float64(aExp-aGot) / float64(aExp)
	}
	res.VideoPackets, res.AudioPackets = vGot, aGot
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
	for _, r := range rooms {
		r.Disconnect()
	}
}
