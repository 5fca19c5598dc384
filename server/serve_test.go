package server

import (
	"baogao/msg"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"

	"baogao/commands"
)

type testServer struct {
	addr  string
	alice gossh.Signer
	srv   *server
	logs  *syncBuffer
}

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func startServer(t *testing.T, tune func(*serveConfig)) *testServer {
	t.Helper()
	dir := t.TempDir()
	alice := newSigner(t)
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte(strings.TrimSpace(string(gossh.MarshalAuthorizedKey(alice.PublicKey())))+" alice@example\n"), 0o600)
	cfg := serveConfig{listen: "127.0.0.1:0", hostKey: filepath.Join(dir, "host_key"), authorizedKeys: ak, stateDir: filepath.Join(dir, "state"),
		maxSessions: 32, idleTimeout: time.Minute, paths: []string{"testdata/seeds"},
		env: commands.Env{Lang: msg.EN}} // the tests read English; TestServeSessionLanguage the rest
	if tune != nil {
		tune(&cfg)
	}
	logs := &syncBuffer{}
	srv, err := newServer(cfg, log.New(logs))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		t.Fatal(err)
	}
	go srv.ssh.Serve(ln)
	t.Cleanup(func() { srv.ssh.Close() })
	return &testServer{addr: ln.Addr().String(), alice: alice, srv: srv, logs: logs}
}

func (ts *testServer) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", ts.addr, &gossh.ClientConfig{User: "reader", Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
}

// session logs alice in and opens a session; the connection closes when the test ends, or
// when the caller closes it.
func (ts *testServer) session(t *testing.T) (*gossh.Client, *gossh.Session) {
	t.Helper()
	c, err := ts.dial(gossh.PublicKeys(ts.alice))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	return c, sess
}

func (ts *testServer) run(t *testing.T, cmd string) (string, string, int) {
	t.Helper()
	c, sess := ts.session(t)
	defer c.Close() // a connection holds a slot: give it back
	var out, errb bytes.Buffer
	sess.Stdout, sess.Stderr = &out, &errb
	err := sess.Run(cmd)
	code := 0
	var ee *gossh.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitStatus()
	} else if err != nil {
		t.Fatalf("run %q: %v", cmd, err)
	}
	return out.String(), errb.String(), code
}

func TestServeAuth(t *testing.T) {
	ts := startServer(t, nil)
	if c, err := ts.dial(gossh.PublicKeys(ts.alice)); err != nil {
		t.Errorf("allowed key refused: %v", err)
	} else {
		c.Close()
	}
	if _, err := ts.dial(gossh.PublicKeys(newSigner(t))); err == nil {
		t.Error("unknown key accepted")
	}
	if _, err := ts.dial(gossh.Password("secret")); err == nil {
		t.Error("password accepted")
	}
	if !strings.Contains(ts.logs.String(), "auth failure") {
		t.Errorf("no auth failure logged:\n%s", ts.logs.String())
	}
	// authorized_keys is re-read when it changes: a newly added key gets in
	bob := newSigner(t)
	time.Sleep(10 * time.Millisecond)
	f, _ := os.OpenFile(ts.srv.cfg.authorizedKeys, os.O_APPEND|os.O_WRONLY, 0o600)
	f.Write(gossh.MarshalAuthorizedKey(bob.PublicKey()))
	f.Close()
	if c, err := ts.dial(gossh.PublicKeys(bob)); err != nil {
		t.Errorf("key added to authorized_keys refused: %v", err)
	} else {
		c.Close()
	}
}

func TestServeCommands(t *testing.T) {
	ts := startServer(t, nil)
	out, _, code := ts.run(t, "targets changan")
	if code != 0 || !strings.Contains(out, "长安镇") || !strings.Contains(out, "增长6.5%") {
		t.Errorf("targets changan: code %d\n%s", code, out)
	}
	out, _, code = ts.run(t, "export")
	if code != 0 || !strings.Contains(out, `"reports"`) {
		t.Errorf("export: code %d", code)
	}
	_, errs, code := ts.run(t, "ls -la /")
	if code != 2 || !strings.Contains(errs, "unknown command") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
		t.Errorf("unknown command: code %d stderr %q", code, errs)
	}
	_, errs, code = ts.run(t, "export --state /etc/passwd")
	if code == 0 || !strings.Contains(errs, "not taken over SSH") {
		t.Errorf("--state over SSH: code %d stderr %q", code, errs)
	}
	if !strings.Contains(ts.logs.String(), "command") {
		t.Error("commands are not logged")
	}
}

// A served session speaks the server's language, or the one its client asks for with
// BAOGAO_LANG (ssh -o SetEnv=BAOGAO_LANG=en).
func TestServeSessionLanguage(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.env.Lang = msg.ZH })
	if _, errs, code := ts.run(t, "ls"); code != 2 || !strings.Contains(errs, "未知命令") {
		t.Errorf("a Chinese server: code %d stderr %q", code, errs)
	}
	c, sess := ts.session(t)
	defer c.Close()
	if err := sess.Setenv("BAOGAO_LANG", "en"); err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	sess.Stderr = &errb
	sess.Run("ls")
	if !strings.Contains(errb.String(), "unknown command") {
		t.Errorf("a session asking for English: stderr %q", errb.String())
	}
}

func TestServeRefusesForwarding(t *testing.T) {
	ts := startServer(t, nil)
	c, err := ts.dial(gossh.PublicKeys(ts.alice))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if conn, err := c.Dial("tcp", ts.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding allowed")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding allowed")
	}
	sess, _ := c.NewSession()
	defer sess.Close()
	if ok, _ := sess.SendRequest("auth-agent-req@openssh.com", true, nil); ok {
		t.Error("agent forwarding accepted")
	}
	if ok, _ := sess.SendRequest("x11-req", true, gossh.Marshal(struct {
		Single        bool
		Proto, Cookie string
		Screen        uint32
	}{false, "MIT-MAGIC-COOKIE-1", "00", 0})); ok {
		t.Error("X11 forwarding accepted")
	}
}

// openTUI starts an interactive session (PTY + shell) and returns its output stream.
func openTUI(t *testing.T, ts *testServer) (*gossh.Session, io.Writer, *syncBuffer) {
	t.Helper()
	return openTUISized(t, ts, 100, 30)
}

// openTUISized is openTUI with a terminal of w columns and h rows.
func openTUISized(t *testing.T, ts *testServer, w, h int) (*gossh.Session, io.Writer, *syncBuffer) {
	t.Helper()
	_, sess := ts.session(t)
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	sess.Stdout = out
	in, _ := sess.StdinPipe()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return sess, in, out
}

func TestServeTUIAndLimits(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.maxSessions = 1 })
	sess, in, out := openTUI(t, ts)
	waitOutput(t, out, "8/8")
	// the one allowed session is taken: the next is told
	_, errs, code := ts.run(t, "targets")
	if code == 0 || !strings.Contains(errs, "server full") {
		t.Errorf("second session: code %d stderr %q", code, errs)
	}
	in.Write([]byte("q"))
	waitEnds(t, sess.Wait, 5*time.Second, "q did not end the session")
}

func TestServeIdleTimeout(t *testing.T) {
	// long enough for a loaded machine under -race to draw the first frame before nothing crosses
	ts := startServer(t, func(c *serveConfig) { c.idleTimeout = 2 * time.Second })
	sess, _, out := openTUI(t, ts)
	waitOutput(t, out, "8/8")
	waitEnds(t, sess.Wait, 10*time.Second, "an idle session was not closed")
}

func TestServePanicSparesOthers(t *testing.T) {
	ts := startServer(t, nil)
	ts.srv.panicOn = "targets"
	_, errs, code := ts.run(t, "targets")
	if code == 0 || !strings.Contains(errs, "internal error") {
		t.Errorf("panicking session: code %d stderr %q", code, errs)
	}
	ts.srv.panicOn = ""
	out, _, code := ts.run(t, "targets ca")
	if code != 0 || !strings.Contains(out, "长安镇") {
		t.Errorf("after a panic: code %d", code)
	}
	if !strings.Contains(ts.logs.String(), "session panic") {
		t.Error("panic not logged")
	}
}

func TestServeRefusesWithoutKeys(t *testing.T) {
	dir := t.TempDir()
	_, err := newServer(serveConfig{hostKey: filepath.Join(dir, "k"), paths: []string{"testdata/seeds"}}, log.New(io.Discard))
	if err == nil || !strings.Contains(err.Error(), "--allow-any") {
		t.Errorf("err = %v", err)
	}
	if _, err := newServer(serveConfig{hostKey: filepath.Join(dir, "k"), allowAny: true, listen: "127.0.0.1:0", paths: []string{"testdata/seeds"}}, log.New(io.Discard)); err != nil {
		t.Errorf("--allow-any: %v", err)
	}
}

func TestHostKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "host_key")
	a, err := hostKey(p)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %o", st.Mode().Perm())
	}
	b, _ := hostKey(p)
	if !bytes.Equal(a, b) {
		t.Error("the host key is not reused")
	}
	if _, err := gossh.ParsePrivateKey(a); err != nil {
		t.Errorf("not a key: %v", err)
	}
	os.Chmod(p, 0o644)
	if _, err := hostKey(p); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("loose permissions accepted: %v", err)
	}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Len()
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitEnds fails the test when wait (a session's or a connection's) has not returned within d.
func waitEnds(t *testing.T, wait func() error, d time.Duration, why string) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- wait() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatal(why)
	}
}

func waitOutput(t *testing.T, out *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(out.String(), want) {
			return
		}
	}
	t.Fatalf("session never showed %q", want)
}

// `baogao serve` without keys is a usage error: it says what to give and exits 2.
func TestServeCommandWithoutKeys(t *testing.T) {
	var out, errs bytes.Buffer
	code := Command([]string{"--listen", "127.0.0.1:0", "testdata/seeds"}, commands.Env{Stdout: &out, Stderr: &errs})
	if code != exitUsage || !strings.Contains(errs.String(), "--authorized-keys") {
		t.Errorf("code %d stderr %q", code, errs.String())
	}
}
