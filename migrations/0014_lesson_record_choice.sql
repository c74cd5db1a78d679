-- Recording becomes the teacher's choice per lesson, off unless chosen (it was switched on in the console by
-- default). Lessons already scheduled start off: their teacher ticks it on the console before going live.
ALTER TABLE "lessons" ADD COLUMN "record" boolean DEFAULT false NOT NULL;