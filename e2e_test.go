package main

import (
	"encoding/base64"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession runs the built binary in a detached tmux session of the given size.
type tmuxSession struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, w, h string, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: skipping the end-to-end test (CI installs it)")
	}
	bin := filepath.Join(t.TempDir(), "baogao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, name: "baogao-e2e-" + filepath.Base(t.TempDir())}
	cmd := append([]string{"new-session", "-d", "-s", s.name, "-x", w, "-y", h, "env", "LANG=C.UTF-8", "TERM=xterm-256color", "XDG_STATE_HOME=" + os.Getenv("XDG_STATE_HOME"), "XDG_CACHE_HOME=" + os.Getenv("XDG_CACHE_HOME"), bin}, args...)
	if out, err := exec.Command("tmux", cmd...).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", s.name).Run() })
	return s
}

func (s *tmuxSession) keys(keys ...string) {
	for _, k := range keys {
		exec.Command("tmux", "send-keys", "-t", s.name, k).Run()
		time.Sleep(150 * time.Millisecond) // one key at a time: a quick Esc then a letter reads as Alt
	}
}

// waitFor polls the screen until it shows want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	var screen string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
		screen = string(out)
		if strings.Contains(screen, want) {
			return screen
		}
	}
	s.t.Fatalf("screen never showed %q:\n%s", want, screen)
	return ""
}

// waitGone polls the screen until it no longer shows what.
func (s *tmuxSession) waitGone(what, why string) {
	s.t.Helper()
	var screen string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
		if screen = string(out); !strings.Contains(screen, what) {
			return
		}
	}
	s.t.Fatalf("%s:\n%s", why, screen)
}

func TestBrowserInTmux(t *testing.T) {
	s := startTmux(t, "100", "30")
	s.waitFor("8/8")
	s.keys("/", "c", "a")
	screen := s.waitFor("1/8")
	if !strings.Contains(screen, "长安镇") {
		t.Fatalf("filter ca:\n%s", screen)
	}
	s.keys("Enter", "Enter")
	s.waitFor("2022年工作回顾")
	s.keys("i")
	s.waitFor("居民人均可支配收入")
	s.keys("Escape")
	s.waitFor("行 ")
	s.keys("Escape", "Escape")
	s.waitFor("排序")
	s.keys("t")
	s.waitFor("目标对比")
	s.keys("q")
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if exec.Command("tmux", "has-session", "-t", s.name).Run() != nil {
			return // the program quit and took the session with it
		}
	}
	t.Error("q did not quit")
}

func TestBrowserResizesInTmux(t *testing.T) {
	dir := t.TempDir()
	b, _ := os.ReadFile("testdata/seeds/003_0423913badece4aa.txt")
	os.WriteFile(filepath.Join(dir, "bundle.txt"), b, 0o644)
	s := startTmux(t, "40", "12", dir)
	s.waitFor("4/4")
	exec.Command("tmux", "resize-window", "-t", s.name, "-x", "120", "-y", "40").Run()
	screen := s.waitFor("临淄区2023年政府工作报告")
	for _, ln := range strings.Split(screen, "\n") {
		if len([]rune(ln)) > 120 {
			t.Errorf("line wider than 120: %q", ln)
		}
	}
}

// Mark two reports reviewed, quit, start again: both are still marked, and baogao review lists them.
func TestReviewSurvivesRestartInTmux(t *testing.T) {
	statePath := filepath.Join(t.TempDir(), "state.json")
	s := startTmux(t, "100", "30", "--state", statePath)
	s.waitFor("已审 0/8")
	s.keys("m", "j", "m")
	s.waitFor("已审 2/8")
	s.keys("q")
	for deadline := time.Now().Add(5 * time.Second); exec.Command("tmux", "has-session", "-t", s.name).Run() == nil && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	s2 := startTmux(t, "100", "30", "--state", statePath)
	screen := s2.waitFor("已审 2/8")
	if !strings.Contains(screen, "✓") {
		t.Errorf("marks not shown after restart:\n%s", screen)
	}
	s2.keys("q")
	out, _, code := runCmd("review", "--format", "json", "--state", statePath)
	if code != 0 || strings.Count(out, `"reviewed": true`) != 2 {
		t.Errorf("baogao review: code %d\n%s", code, out)
	}
}

// The real OpenSSH client against `baogao serve` on loopback: the browser comes up and q quits.
func TestServeWithOpenSSHInTmux(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: skipping the OpenSSH end-to-end test (CI installs openssh-client and tmux)", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "baogao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	key := filepath.Join(dir, "id_ed25519")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tester", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	pub, _ := os.ReadFile(key + ".pub")
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, pub, 0o600)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := exec.Command(bin, "serve", "--listen", addr, "--host-key", filepath.Join(dir, "host"), "--authorized-keys", ak, "--state", filepath.Join(dir, "state"))
	logPath := filepath.Join(dir, "serve.log") // the server writes it; read whole each time
	logf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	srv.Stderr = logf
	logs := func() string { b, _ := os.ReadFile(logPath); return string(b) }
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- srv.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve did not exit cleanly on SIGINT: %v\n%s", err, logs())
			}
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
			t.Error("serve did not stop within 10 s of SIGINT")
		}
	}()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve never listened:\n%s", logs())
		}
	}
	host, port, _ := net.SplitHostPort(addr)
	name := "baogao-ssh-" + filepath.Base(dir)
	args := []string{"new-session", "-d", "-s", name, "-x", "100", "-y", "30", "ssh", "-tt", "-p", port, "-i", key,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes", host}
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	defer exec.Command("tmux", "kill-session", "-t", name).Run()
	s := &tmuxSession{t: t, name: name}
	s.waitFor("8/8")
	s.keys("/", "c", "a")
	s.waitFor("1/8")
	s.keys("Escape", "q")
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if exec.Command("tmux", "has-session", "-t", name).Run() != nil {
			if !strings.Contains(logs(), "connect") || !strings.Contains(logs(), "user=tester") {
				t.Errorf("connect not logged with the key's comment:\n%s", logs())
			}
			return
		}
	}
	t.Error("q did not end the ssh session")
}

// The reader's conveniences in a real terminal: y on an indicator row writes the OSC 52
// sequence with that row (read from the pane's raw output, as the terminal receives it), z
// hides and shows the tree, space pages.
func TestReaderConveniencesInTmux(t *testing.T) {
	s := startTmux(t, "100", "30")
	raw := filepath.Join(t.TempDir(), "pane.raw")
	if out, err := exec.Command("tmux", "pipe-pane", "-o", "-t", s.name, "cat >> "+raw).CombinedOutput(); err != nil {
		t.Fatalf("pipe-pane: %v %s", err, out)
	}
	s.waitFor("8/8")
	s.keys("Enter", "i")
	s.waitFor("居民人均可支配收入")
	s.keys("y")
	s.waitFor("已复制")
	var copied string
	for deadline := time.Now().Add(5 * time.Second); copied == "" && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		b, _ := os.ReadFile(raw)
		if _, rest, ok := strings.Cut(string(b), "\x1b]52;c;"); ok {
			if enc, _, ok := strings.Cut(rest, "\a"); ok {
				dec, err := base64.StdEncoding.DecodeString(enc)
				if err != nil {
					t.Fatalf("OSC 52 payload %q: %v", enc, err)
				}
				copied = string(dec)
			}
		}
	}
	if !strings.HasPrefix(copied, "长安镇\t2023\t地区生产总值\t") || strings.Count(copied, "\t") != 8 {
		t.Fatalf("OSC 52 carried %q, not the first indicator row", copied)
	}
	s.keys("Escape")
	screen := s.waitFor("行 1/")
	if !strings.Contains(screen, "│") {
		t.Fatalf("the report opens without its tree:\n%s", screen)
	}
	s.keys("z")
	s.waitGone("│", "z did not hide the tree")
	s.keys("Space")
	s.waitGone("行 1/", "space did not page")
	s.keys("z")
	s.waitFor("│")
}

// Full-text search in a real terminal: F, a term, Enter to the results, Enter on the first: the
// reader shows the hit highlighted (an SGR sequence right before the term).
func TestFullTextSearchInTmux(t *testing.T) {
	s := startTmux(t, "100", "30")
	s.waitFor("8/8")
	s.keys("F")
	s.waitFor("搜索全文")
	s.keys("营商环境")
	s.waitFor("5 份报告")
	s.keys("Enter", "Enter")
	s.waitFor("行 ")
	var screen string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		out, _ := exec.Command("tmux", "capture-pane", "-e", "-p", "-t", s.name).Output()
		screen = string(out)
		if i := strings.Index(screen, "营商环境"); i > 0 && strings.HasSuffix(screen[:i], "m") && strings.Contains(screen[max(0, i-20):i], "\x1b[") {
			return
		}
	}
	t.Fatalf("the hit is not highlighted in the reader:\n%q", screen)
}
