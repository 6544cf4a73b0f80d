package storage

import (
	"errors"
	"time"
)

// ErrBusy is returned by Lock when another process held the lock for
// longer than the wait allows.
var ErrBusy = errors.New("in use by another process")

// lockWait is how long Lock waits for another process to finish.
const lockWait = 15 * time.Second

// Lock takes the store's exclusive lock on a document, so that one
// process at a time reads, repairs or appends to it; it returns the
// function that releases it. Folder stores lock a file beside the document
// (name + ".lock") with the operating system's advisory lock, which the
// system drops when a process dies; stores used by a single process
// (memory, the browser's localStorage, which runs one thread) need none.
// An error wraps ErrBusy when another process keeps the lock, or
// ErrUnavailable when the folder cannot hold a lock file (a read-only
// disk): a caller may then still read, but must not write.
func Lock(st Store, name string) (unlock func(), err error) {
	if l, ok := st.(interface {
		lock(string, time.Duration) (func(), error)
	}); ok {
		return l.lock(name, lockWait)
	}
	return func() {}, nil
}

// Stamp identifies a document's current content cheaply (for files: the
// file's identity, size and modification time), so a process can tell
// whether another changed it since it last looked. ok is false when the
// store cannot tell, or the document does not exist.
func Stamp(st Store, name string) (stamp string, ok bool) {
	if s, is := st.(interface{ stamp(string) (string, bool) }); is {
		return s.stamp(name)
	}
	return "", false
}
