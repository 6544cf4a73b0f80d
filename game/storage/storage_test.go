//go:build !js

package storage

import (
	"bytes"
	"testing"
)

func TestStores(t *testing.T) {
	dir, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]Store{"memory": NewMemory(), "dir": dir} {
		t.Run(name, func(t *testing.T) {
			if _, err := s.Read("save.json"); !IsNotFound(err) {
				t.Fatalf("Read missing: got %v, want not found", err)
			}
			if err := s.Write("save.json", []byte("one")); err != nil {
				t.Fatal(err)
			}
			if err := s.Write("save.json", []byte("two")); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Read("save.json"); string(got) != "two" {
				t.Fatalf("Read = %q, want two", got)
			}
			_ = s.Append("log.jsonl", []byte("a\n"))
			_ = s.Append("log.jsonl", []byte("b\n"))
			if got, _ := s.Read("log.jsonl"); !bytes.Equal(got, []byte("a\nb\n")) {
				t.Fatalf("appended = %q", got)
			}
			aside, err := s.SetAside("save.json")
			if err != nil || aside != "save.json.broken" {
				t.Fatalf("SetAside = %q, %v", aside, err)
			}
			if got, _ := s.Read(aside); string(got) != "two" {
				t.Fatalf("aside content = %q", got)
			}
			_ = s.Write("save.json", []byte("three"))
			if aside2, _ := s.SetAside("save.json"); aside2 != "save.json.broken-2" {
				t.Fatalf("second SetAside = %q", aside2)
			}
			if err := s.Write("../escape", nil); err == nil {
				t.Fatal("Write accepted a path")
			}
			if err := s.Remove("nothing"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestReadAtMost(t *testing.T) {
	dir, err := NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct {
		s    Store
		want string
	}{"dir reads part": {dir, "abcd"}, "memory reads whole": {NewMemory(), "abcdefgh"}} {
		if err := tt.s.Write("doc", []byte("abcdefgh")); err != nil {
			t.Fatal(err)
		}
		got, err := ReadAtMost(tt.s, "doc", 3)
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: ReadAtMost = %q, %v; want %q", name, got, err, tt.want)
		}
		if _, err := ReadAtMost(tt.s, "missing", 3); !IsNotFound(err) {
			t.Errorf("%s: missing document: %v, want not found", name, err)
		}
	}
}
