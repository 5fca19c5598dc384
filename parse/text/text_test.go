package text

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const sample = "长安镇2023年政府工作报告\n各位代表：\n地区生产总值增长6.5%。\n"

func TestDecode(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	be, _ := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(sample))
	cut := []byte(sample)
	cut = append(cut[:len(cut)-2], []byte("\n"+strings.Repeat("各位代表，现在我代表镇人民政府向大会报告工作。", 20))...)
	cut = append(cut[:20], append([]byte{0xE5, 0x8F}, cut[20:]...)...) // half a character, as scrapers leave it

	tests := []struct {
		name    string
		in      []byte
		enc     string
		wantErr string
	}{
		{"utf-8", []byte(sample), "utf-8", ""},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, sample...), "utf-8", ""},
		{"utf-16le with BOM", le, "utf-16le", ""},
		{"utf-16be with BOM", be, "utf-16be", ""},
		{"gb18030", gb, "gb18030", ""},
		{"utf-8 with a cut character", cut, "utf-8", ""},
		{"empty", nil, "", "empty file"},
		{"only spaces", []byte(" \n\t\n"), "", "empty file"},
		{"binary with NUL", []byte("PK\x03\x04\x00\x00abc"), "", "binary"},
		{"prose with one NUL", []byte(sample + "\x00" + sample), "", "binary"},                      // valid UTF-8, one odd rune in thousands
		{"prose with a cut character and a NUL", append(append([]byte{}, cut...), 0), "", "binary"}, // invalid UTF-8
		{"neither utf-8 nor gb18030", bytes.Repeat([]byte{0x81, 0x01, 0x9F, 0x02, 0x07}, 50), "", "not a text document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.enc {
				t.Errorf("encoding = %s, want %s", d.Encoding, tt.enc)
			}
			if !strings.Contains(d.Text, "长安镇2023年政府工作报告") && tt.name != "utf-8 with a cut character" {
				t.Errorf("text = %q", d.Text)
			}
		})
	}
}

// checkByRunes is Check's count as first written, rune by rune: the byte fast path must count
// the same.
func checkByRunes(s string) (total, odd int) {
	for _, r := range s {
		total++
		switch {
		case r >= 0x20 && r < 0x7f, r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xffe5:
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r == utf8.RuneError, r < 0x20, r == 0x7f, r >= 0xE000 && r <= 0xF8FF:
			odd++
		case !unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
			odd++
		}
	}
	return
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "政府工作报告", "a\x00b", "\xe4\xb8", "\xe4\xb7\xbf中", "丂乀", "\ue000\ue000x", "\xe9\xbf\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		total, odd := checkByRunes(s)
		want := total > 0 && odd*50 <= total
		_, err := Check(Text{Text: s, Encoding: "utf-8"})
		if (err == nil) != want {
			t.Fatalf("%q: err %v, by runes total %d odd %d", s, err, total, odd)
		}
	})
}

// DecodeBy with Scan is Decode, and the text it returns is the last one it gave its check: the
// parser keeps the lines it folded from that text.
func FuzzDecodeBy(f *testing.F) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("各位代表：地区生产总值增长6%。")
	for _, s := range []string{"", " \n", "\xef\xbb\xbf各位代表", "\xff\xfeA\x00", "\xfe\xff\x00A", gbk, "各位代表\xe5\xa2", "a\x00b", "\x01\x02\x03"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want, werr := Decode(b)
		last, calls := "", 0
		got, err := DecodeBy(b, func(s string) (int, int, bool) { last, calls = s, calls+1; return Scan(s) })
		if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() || got.Text != want.Text || got.Encoding != want.Encoding || got.Dropped != want.Dropped {
			t.Fatalf("%q: %+v %v, Decode %+v %v", b, got, err, want, werr)
		}
		if err == nil && (calls == 0 || last != got.Text) {
			t.Fatalf("%q: %d calls, the last of %q, text %q", b, calls, last, got.Text)
		}
	})
}
