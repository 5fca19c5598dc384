package server

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// A PTY request and a window change of 4294967295×4294967295 used to be a fatal out-of-memory for
// the whole server: both are clamped, the user is told, and other sessions go on.
func TestServeClampsAbsurdSizes(t *testing.T) {
	ts := startServer(t, nil)
	_, sess := ts.session(t)
	huge := gossh.Marshal(ptyRequest{Term: "xterm", Columns: 4294967295, Rows: 4294967295, Width: 4294967295, Height: 4294967295})
	if ok, err := sess.SendRequest("pty-req", true, huge); err != nil || !ok {
		t.Fatalf("pty-req: %v %v", ok, err)
	}
	out := &syncBuffer{}
	sess.Stdout = out
	in, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	waitOutput(t, out, "shown at 500x200")
	sess.SendRequest("window-change", false, gossh.Marshal(windowChange{4294967295, 4294967295, 0, 0}))
	// another session works while this one lives
	if o, _, code := ts.run(t, "targets ca"); code != 0 || !strings.Contains(o, "长安镇") {
		t.Errorf("another session after the huge one: code %d", code)
	}
	in.Write([]byte("q"))
	if !strings.Contains(ts.logs.String(), "terminal size clamped") {
		t.Error("the clamp is not logged")
	}
}

func TestClamp(t *testing.T) {
	for _, tt := range []struct{ c, r, wc, wr uint32 }{{120, 40, 120, 40}, {4294967295, 4294967295, maxCols, maxRows}, {1500, 2000, maxCols, maxRows}, {500, 10, 500, 10}} {
		c, r, w, h := tt.c, tt.r, uint32(1), uint32(1)
		clamp(&c, &r, &w, &h)
		if c != tt.wc || r != tt.wr {
			t.Errorf("clamp(%d, %d) = %d, %d", tt.c, tt.r, c, r)
		}
	}
}

// Connections that never log in are closed after the login timeout, and 300 of them do not keep
// a real user out.
func TestServeLoginTimeout(t *testing.T) {
	// 2 s: a loaded CI machine must still log the real user in within it
	ts := startServer(t, func(c *serveConfig) { c.loginTimeout = 2 * time.Second; c.maxStartups = 400 })
	var silent []net.Conn
	for range 300 {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		silent = append(silent, conn)
	}
	defer func() {
		for _, c := range silent {
			c.Close()
		}
	}()
	if o, _, code := ts.run(t, "targets ca"); code != 0 || !strings.Contains(o, "长安镇") {
		t.Fatalf("a real login beside 300 silent connections: code %d", code)
	}
	// every silent one is closed once the login timeout has passed since it was accepted (on a
	// loaded machine the last accepts come late: wait for the count, not for a fixed time)
	for deadline := time.Now().Add(15 * time.Second); ts.srv.guard.startups.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	open := 0
	for _, c := range silent {
		c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		buf := make([]byte, 512)
		for {
			_, err := c.Read(buf)
			if err == nil {
				continue // the server's banner
			}
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				open++
			}
			break
		}
	}
	if open > 0 {
		t.Errorf("%d of 300 silent connections still open after the login timeout", open)
	}
	if n := ts.srv.guard.startups.Load(); n != 0 {
		t.Errorf("%d connections still counted as logging in", n)
	}
}

// Beyond --max-startups, connections are refused at once and the refusals are counted in the log.
func TestServeMaxStartups(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.maxStartups = 5 })
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 5 {
		conn, _ := net.Dial("tcp", ts.addr)
		conns = append(conns, conn)
	}
	for ts.srv.guard.startups.Load() < 5 {
		time.Sleep(10 * time.Millisecond)
	}
	extra, _ := net.Dial("tcp", ts.addr)
	defer extra.Close()
	extra.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := extra.Read(make([]byte, 64)); err == nil {
		t.Error("a connection beyond --max-startups was served")
	}
	if !strings.Contains(ts.logs.String(), "too many connections logging in") {
		t.Errorf("refusals not logged:\n%s", ts.logs.String())
	}
}

// A connection that opens no session (ssh -N) is closed when idle.
func TestServeIdleConnection(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.idleTimeout = 500 * time.Millisecond })
	idle, err := ts.dial(gossh.PublicKeys(ts.alice))
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	waitEnds(t, idle.Wait, 10*time.Second, "a connection without a session was never closed")
}

// A logged-in connection holds one of the --max-sessions slots while it lives, session or not.
func TestServeConnectionCap(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.maxSessions = 1 })
	idle, err := ts.dial(gossh.PublicKeys(ts.alice))
	if err != nil {
		t.Fatal(err)
	}
	// the client's handshake can end before the server has counted the login
	for deadline := time.Now().Add(5 * time.Second); ts.srv.guard.conns.Load() < 1 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	// the slot is taken by the connection without a session: a second one is told the server is full
	if _, errs, code := ts.run(t, "targets"); code == 0 || !strings.Contains(errs, "server full") {
		t.Errorf("second connection: code %d stderr %q", code, errs)
	}
	idle.Close()
	for deadline := time.Now().Add(5 * time.Second); ts.srv.guard.conns.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
	}
	if o, _, code := ts.run(t, "targets ca"); code != 0 || !strings.Contains(o, "长安镇") {
		t.Errorf("after the first connection closed, the slot is free again: code %d", code)
	}
}

// Only a few short environment variables are taken.
func TestServeEnvBounded(t *testing.T) {
	ts := startServer(t, nil)
	_, sess := ts.session(t)
	defer sess.Close()
	if err := sess.Setenv("NO_COLOR", "1"); err != nil {
		t.Errorf("NO_COLOR refused: %v", err)
	}
	if err := sess.Setenv("LD_PRELOAD", "/tmp/x.so"); err == nil {
		t.Error("LD_PRELOAD accepted")
	}
	if err := sess.Setenv("LANG", strings.Repeat("x", 100_000)); err == nil {
		t.Error("a 100 KB value accepted")
	}
	accepted := 0
	for range 100 {
		if sess.Setenv("LC_ALL", "C") == nil {
			accepted++
		}
	}
	if accepted > maxEnvVars {
		t.Errorf("%d environment requests accepted, at most %d", accepted, maxEnvVars)
	}
}

func writeKeys(t *testing.T, ts *testServer, line string) {
	t.Helper()
	time.Sleep(20 * time.Millisecond) // a new mtime
	if err := os.WriteFile(ts.srv.cfg.authorizedKeys, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// authorized_keys options are honoured, or the file is refused: never ignored.
func TestServeKeyOptions(t *testing.T) {
	ts := startServer(t, nil)
	key := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(ts.alice.PublicKey())))
	login := func() error {
		c, err := ts.dial(gossh.PublicKeys(ts.alice))
		if err == nil {
			c.Close()
		}
		return err
	}
	writeKeys(t, ts, `from="10.9.9.9" `+key+" alice")
	if login() == nil {
		t.Error(`from="10.9.9.9" admitted 127.0.0.1`)
	}
	writeKeys(t, ts, `from="127.0.0.0/8,!127.0.0.2" `+key+" alice")
	if err := login(); err != nil {
		t.Errorf(`from="127.0.0.0/8" refused 127.0.0.1: %v`, err)
	}
	writeKeys(t, ts, `expiry-time="20200101" `+key+" alice")
	if login() == nil {
		t.Error("an expired key admitted")
	}
	writeKeys(t, ts, `command="targets ca" `+key+" alice")
	if o, _, code := ts.run(t, "export"); code != 0 || !strings.Contains(o, "长安镇") || strings.Contains(o, `"reports"`) {
		t.Errorf("command= not forced: code %d output %.80q", code, o)
	}
	writeKeys(t, ts, `no-pty `+key+" alice")
	c, err := ts.dial(gossh.PublicKeys(ts.alice))
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := c.NewSession()
	sess.RequestPty("xterm", 30, 100, gossh.TerminalModes{})
	out := &syncBuffer{}
	sess.Stdout, sess.Stderr = out, out
	sess.Shell()
	waitOutput(t, out, "commands only")
	c.Close()
	if o, _, code := ts.run(t, "targets ca"); code != 0 || !strings.Contains(o, "长安镇") {
		t.Errorf("no-pty refused a command: code %d", code)
	}
	writeKeys(t, ts, `permitopen="10.0.0.1:22" `+key+" alice")
	if login() == nil {
		t.Error("a key with an option the server does not honour was admitted")
	}
}

func TestParseKeyOptions(t *testing.T) {
	for _, tt := range []struct {
		opts []string
		ok   bool
	}{
		{[]string{`from="10.0.0.0/8"`}, true},
		{[]string{"restrict"}, true},
		{[]string{"restrict", "pty"}, true},
		{[]string{`command="targets 长安"`}, true},
		{[]string{`command="sh -c id"`}, false},
		{[]string{`command="targets; rm -rf /"`}, false},
		{[]string{`environment="A=B"`}, false},
		{[]string{`expiry-time="2026"`}, false},
		{[]string{"no-port-forwarding", "no-agent-forwarding", "no-X11-forwarding", "no-user-rc"}, true},
	} {
		_, err := parseKeyOptions(tt.opts)
		if (err == nil) != tt.ok {
			t.Errorf("%q: err %v", tt.opts, err)
		}
	}
	k, _ := parseKeyOptions([]string{"restrict"})
	if !k.noPty {
		t.Error("restrict allows a PTY")
	}
	if !fromMatches([]string{"10.*", "!10.0.0.1"}, "10.1.2.3") || fromMatches([]string{"10.*", "!10.0.0.1"}, "10.0.0.1") || fromMatches([]string{"10.*"}, "192.168.0.1") {
		t.Error("from= pattern lists")
	}
}

// What strangers send is logged on one line, escaped, whatever the method.
func TestServeLogsEveryMethod(t *testing.T) {
	ts := startServer(t, nil)
	cfg := &gossh.ClientConfig{User: "evil\nbaogao: ALL OK", Auth: []gossh.AuthMethod{gossh.Password("x")}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second}
	if c, err := gossh.Dial("tcp", ts.addr, cfg); err == nil {
		c.Close()
		t.Fatal("password accepted")
	}
	logs := ts.logs.String()
	// the client asks "none" first; password is not offered, so it never gets further
	if !strings.Contains(logs, "auth probe method=none") || !strings.Contains(logs, `evil\\nbaogao: ALL OK`) && !strings.Contains(logs, `evil\nbaogao: ALL OK`) {
		t.Errorf("password attempt not logged, escaped:\n%s", logs)
	}
	if strings.Contains(logs, "evil\nbaogao") {
		t.Error("a user name wrote a line of its own into the log")
	}
}

// A symbolic link in the served corpus that leads out of it is not followed, and the server's own
// files are never read as reports, even when they lie inside the corpus.
func TestServeConfinesTheCorpus(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	seed, _ := os.ReadFile("testdata/seeds/000_6d53da0f29ae9c0f.txt")
	os.WriteFile(filepath.Join(corpus, "a.txt"), seed, 0o644)
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, seed, 0o644) // a readable file outside the corpus
	os.Symlink(secret, filepath.Join(corpus, "link.txt"))
	os.Symlink(dir, filepath.Join(corpus, "up"))
	inside := filepath.Join(corpus, "a-copy.txt")
	os.Symlink(filepath.Join(corpus, "a.txt"), inside) // a link that stays inside is fine
	ts := startServer(t, func(c *serveConfig) {
		c.paths = []string{corpus}
		c.hostKey = filepath.Join(corpus, "host_key.txt") // the operator put the key in the corpus
	})
	var sources []string
	for _, r := range ts.srv.corpus.Reports {
		sources = append(sources, r.Source)
	}
	got := strings.Join(sources, " ")
	if strings.Contains(got, "link.txt") || strings.Contains(got, "up") || strings.Contains(got, "host_key") {
		t.Errorf("served outside the corpus or the server's own file: %s", got)
	}
	if !strings.Contains(got, "a.txt") || !strings.Contains(got, "a-copy.txt") {
		t.Errorf("the corpus itself is not served: %s", got)
	}
	var errs []string
	for _, e := range ts.srv.corpus.Errors {
		errs = append(errs, e.Source+": "+e.Err)
	}
	if !strings.Contains(strings.Join(errs, "\n"), "leads out of the served folders") || !strings.Contains(strings.Join(errs, "\n"), "the server's own file") {
		t.Errorf("the refusals are not said:\n%s", strings.Join(errs, "\n"))
	}
	// an export names sources relative to the corpus, not by the server's paths
	out, _, code := ts.run(t, "export")
	if code != 0 || strings.Contains(out, dir) || !strings.Contains(out, `"source": "corpus/a.txt"`) {
		t.Errorf("export over SSH: code %d, server paths or no relative source:\n%.400s", code, out)
	}
}

// When a user's own state cannot be opened, `review` over SSH says so; it never reads the
// operator's state for the same folders.
func TestServeNoStateFallback(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "state-is-a-file")
	os.WriteFile(blocker, []byte("x"), 0o600)
	ts := startServer(t, func(c *serveConfig) { c.stateDir = filepath.Join(blocker, "users") })
	_, errs, code := ts.run(t, "review testdata/seeds")
	if code == 0 || !strings.Contains(errs, "your review state could not be opened") {
		t.Errorf("review with an unopenable state: code %d stderr %q", code, errs)
	}
}
