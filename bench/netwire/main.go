// netwire: a network link emulated in user space, for kernels without tc netem. It joins two network interfaces
// (the two inner ends of veth pairs, in a namespace of their own) by copying every Ethernet frame from one to the
// other through AF_PACKET sockets, and does to each direction what a rural school's link does: a rate, a delay, random
// loss, and — a firewall — no UDP at all, or nothing but TCP to a few of the host's ports (a school that lets only
// HTTPS out). test/support/netns.ts starts it and writes the conditions to its standard input, one JSON object per
// line:
//
//	{"down":{"kbit":500,"delayMs":75,"lossPct":1},"up":{...},"udpBlocked":false,"tcpOnly":[443]}
//
// "down" is from the first interface to the second (the host to the classroom), "up" the other way. Each direction
// holds at most a second's worth of its rate in its queue (a router's buffer); what does not fit is dropped.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand"
	"net"
	"os"
	"sync"
	"syscall"
	"time"
)

type link struct {
	Kbit    float64 `json:"kbit"`
	DelayMs float64 `json:"delayMs"`
	LossPct float64 `json:"lossPct"`
}

type conditions struct {
	Down       link `json:"down"`
	Up         link `json:"up"`
	UDPBlocked bool `json:"udpBlocked"`
	// When not empty, only TCP to (and from) these ports of the host passes; ARP and the rest of IP do not.
	TCPOnly []uint16 `json:"tcpOnly"`
}

const ethPAll = 0x0003

func htons(v uint16) uint16 { return v<<8 | v>>8 }

func open(name string) (int, int) {
	iface, err := net.InterfaceByName(name)
	if err != nil {
		fail(err)
	}
	fd, err := syscall.Socket(syscall.AF_PACKET, syscall.SOCK_RAW, int(htons(ethPAll)))
	if err != nil {
		fail(err)
	}
	if err := syscall.Bind(fd, &syscall.SockaddrLinklayer{Protocol: htons(ethPAll), Ifindex: iface.Index}); err != nil {
		fail(err)
	}
	// Room for a burst (a video key frame, a test's 400 datagrams): the default ~200 KB would drop frames here, before
	// any condition is applied.
	for _, opt := range []int{syscall.SO_RCVBUFFORCE, syscall.SO_SNDBUFFORCE} {
		if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, opt, 16<<20); err != nil {
			fail(err)
		}
	}
	return fd, iface.Index
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "netwire:", err)
	os.Exit(1)
}

// isUDP says whether an Ethernet frame carries UDP over IPv4 or IPv6.
func isUDP(f []byte) bool {
	if len(f) < 14+20 {
		return false
	}
	switch uint16(f[12])<<8 | uint16(f[13]) {
	case 0x0800:
		return f[14+9] == 17
	case 0x86dd:
		return len(f) >= 14+40 && f[14+6] == 17
	}
	return false
}

// tcpPorts reads an IPv4 or IPv6 frame's protocol and, for TCP, its source and destination ports. ok is false for a
// frame that is not IP (ARP, which the firewall lets through).
func tcpPorts(f []byte) (isTCP bool, src, dst uint16, ok bool) {
	if len(f) < 14+20 {
		return false, 0, 0, false
	}
	var proto byte
	var at int
	switch uint16(f[12])<<8 | uint16(f[13]) {
	case 0x0800:
		proto, at = f[14+9], 14+int(f[14]&0x0f)*4
	case 0x86dd:
		if len(f) < 14+40 {
			return false, 0, 0, true
		}
		proto, at = f[14+6], 14+40
	default:
		return false, 0, 0, false
	}
	if proto != 6 || len(f) < at+4 {
		return false, 0, 0, true
	}
	return true, uint16(f[at])<<8 | uint16(f[at+1]), uint16(f[at+2])<<8 | uint16(f[at+3]), true
}

type frame struct {
	data []byte
	at   time.Time
}

type direction struct {
	mu       sync.Mutex
	link     link
	blockUDP bool
	// The firewall's open ports (see conditions.TCPOnly), and which end of a frame is the host's in this direction.
	tcpOnly   []uint16
	hostIsSrc bool
	// When the link finishes sending what is queued (the rate's clock).
	busyUntil time.Time
	queue     chan frame
}

func (d *direction) set(l link, blockUDP bool, tcpOnly []uint16) {
	d.mu.Lock()
	d.link, d.blockUDP, d.tcpOnly = l, blockUDP, tcpOnly
	d.mu.Unlock()
}

// firewalled says whether the firewall drops a frame: with open ports set, anything over IP but TCP to or from one.
func (d *direction) firewalled(data []byte) bool {
	if d.blockUDP && isUDP(data) {
		return true
	}
	if len(d.tcpOnly) == 0 {
		return false
	}
	isTCP, src, dst, isIP := tcpPorts(data)
	if !isIP {
		return false
	}
	if !isTCP {
		return true
	}
	port := dst
	if d.hostIsSrc {
		port = src
	}
	for _, p := range d.tcpOnly {
		if p == port {
			return false
		}
	}
	return true
}

// admit decides a frame's fate: dropped (loss, the firewall, a full buffer), or when it reaches the other side.
func (d *direction) admit(data []byte, now time.Time) (time.Time, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.firewalled(data) {
		return now, false
	}
	if d.link.LossPct > 0 && rand.Float64()*100 < d.link.LossPct {
		return now, false
	}
	sent := now
	if d.link.Kbit > 0 {
		if d.busyUntil.Before(now) {
			d.busyUntil = now
		}
		if d.busyUntil.Sub(now) > time.Second {
			return now, false
		}
		d.busyUntil = d.busyUntil.Add(time.Duration(float64(len(data)*8) / (d.link.Kbit * 1000) * float64(time.Second)))
		sent = d.busyUntil
	}
	return sent.Add(time.Duration(d.link.DelayMs * float64(time.Millisecond))), true
}

func pump(from, to int, d *direction) {
	go func() {
		for f := range d.queue {
			if wait := time.Until(f.at); wait > 0 {
				time.Sleep(wait)
			}
			syscall.Write(to, f.data)
		}
	}()
	buf := make([]byte, 65536)
	for {
		n, from_, err := syscall.Recvfrom(from, buf, 0)
		if err != nil {
			if err == syscall.EINTR {
				continue
			}
			fail(err)
		}
		// A packet socket also sees the frames written out of its own interface: only those arriving are copied.
		if ll, ok := from_.(*syscall.SockaddrLinklayer); ok && ll.Pkttype == syscall.PACKET_OUTGOING {
			continue
		}
		data := append([]byte(nil), buf[:n]...)
		if at, ok := d.admit(data, time.Now()); ok {
			select {
			case d.queue <- frame{data, at}:
			default: // the writer is far behind: the frame is lost, as in a full router
			}
		}
	}
}

func main() {
	if len(os.Args) != 3 {
		fail(fmt.Errorf("usage: netwire <interface towards the host> <interface towards the classroom>"))
	}
	a, _ := open(os.Args[1])
	b, _ := open(os.Args[2])
	down := &direction{queue: make(chan frame, 100_000), hostIsSrc: true}
	up := &direction{queue: make(chan frame, 100_000)}
	go pump(a, b, down)
	go pump(b, a, up)
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		var c conditions
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			fmt.Fprintln(os.Stderr, "netwire: conditions:", err)
			continue
		}
		down.set(c.Down, c.UDPBlocked, c.TCPOnly)
		up.set(c.Up, c.UDPBlocked, c.TCPOnly)
		fmt.Println("shaped")
	}
}
