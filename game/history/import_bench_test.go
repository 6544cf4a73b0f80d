package history

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkImportEmptyObjects imports JSON arrays of empty objects, each a
// reported problem: the time per MB must stay flat as the file grows (it
// grew with the square of the size before lines were counted once).
// go test ./game/history -run '^$' -bench ImportEmptyObjects
func BenchmarkImportEmptyObjects(b *testing.B) {
	for _, mb := range []int{1, 4} {
		var buf bytes.Buffer
		buf.WriteString("[")
		for buf.Len() < mb<<20-10 {
			buf.WriteString("{},\n")
		}
		buf.WriteString("{}]")
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for i := 0; i < b.N; i++ {
				if _, _, err := Import(buf.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
