//go:build !android && !darwin && !js && !windows && !nintendosdk && !playstation5

package sound

// The same ALSA device Ebitengine's audio (oto) opens, opened and closed
// once before the audio context exists: oto reports a device it cannot
// open by stopping the game, so the game asks first.

// #cgo pkg-config: alsa
// #include <alsa/asoundlib.h>
//
// static void quiet(const char *file, int line, const char *function, int err, const char *fmt, ...) {}
//
// static int probe(const char *name) {
//   snd_lib_error_set_handler(quiet);
//   snd_pcm_t *h;
//   int err = snd_pcm_open(&h, name, SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
//   if (err >= 0) {
//     err = snd_pcm_set_params(h, SND_PCM_FORMAT_FLOAT_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 2, 44100, 1, 100000);
//     snd_pcm_close(h);
//   }
//   snd_lib_error_set_handler(NULL);
//   return err;
// }
import "C"

import (
	"fmt"
	"unsafe"
)

func probeDevice() error {
	var msgs []string
	for _, name := range []string{"default", "plug:default"} {
		cname := C.CString(name)
		err := C.probe(cname)
		C.free(unsafe.Pointer(cname))
		if err >= 0 {
			return nil
		}
		msgs = append(msgs, fmt.Sprintf("%s: %s", name, C.GoString(C.snd_strerror(err))))
	}
	return fmt.Errorf("no audio device (ALSA %s)", msgs[0])
}
