package main

import (
	"bytes"
	"net"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeArguments(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"serve", "--dir", filepath.Join(t.TempDir(), "nope")}, 1, "make web"},
		{[]string{"serve", "--dir", t.TempDir()}, 1, "no index.html"},
		{[]string{"serve", "extra"}, 2, "unexpected argument"},
		{[]string{"serve", "--port", "1"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, nil, &stdout, &stderr); code != tt.wantCode || !strings.Contains(stderr.String(), tt.wantErr) {
			t.Errorf("careersim %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tt.args, " "), code, stderr.String(), tt.wantCode, tt.wantErr)
		}
	}
}

func TestBrowsable(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1:8080", "127.0.0.1:8080"},
		{"0.0.0.0:8080", "localhost:8080"},
		{"[::]:9000", "localhost:9000"},
		{"[::1]:9000", "[::1]:9000"},
	}
	for _, tt := range tests {
		a, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := browsable(a); got != tt.want {
			t.Errorf("browsable(%s) = %s, want %s", tt.addr, got, tt.want)
		}
	}
}
