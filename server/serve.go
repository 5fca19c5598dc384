// Package server is `baogao serve`: the browser and the commands over SSH (charm wish) for a
// team, one corpus loaded once and shared read-only by every session, one review state per user.
// serve_guard.go holds what it does not trust a client with (window sizes, environment, the
// login grace, connections logging in and logged in, idle connections), serve_keys.go the
// authorized_keys file and its options.
package server

import (
	"baogao/msg"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/log/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"baogao/commands"
	"baogao/loader"
	"baogao/match"
	"baogao/review"
	"baogao/tui"
	"baogao/xdg"
)

// serveConfig is what `serve` was asked to do.
type serveConfig struct {
	listen, hostKey, authorizedKeys, stateDir string
	allowAny, noCache                         bool
	maxSessions, maxStartups                  int
	idleTimeout, loginTimeout                 time.Duration
	paths                                     []string
	env                                       commands.Env // the sample, when no PATH is given
}

const (
	exitOK    = commands.ExitOK
	exitEmpty = commands.ExitEmpty
	exitUsage = commands.ExitUsage
)

// Command runs `baogao serve ARGS` until it is stopped (SIGINT, SIGTERM).
func Command(args []string, env commands.Env) int {
	stdout, stderr := env.Stdout, env.Stderr
	fs, noCache := commands.NewFlags(env.Lang, "serve", env.Lang.T("usage.serve"), stderr)
	l := env.Lang
	cfg := serveConfig{env: env}
	fs.StringVar(&cfg.listen, "listen", "127.0.0.1:2222", l.T("flag.listen"))
	fs.StringVar(&cfg.hostKey, "host-key", "", l.T("flag.host-key"))
	fs.StringVar(&cfg.authorizedKeys, "authorized-keys", "", l.T("flag.authorized-keys"))
	fs.BoolVar(&cfg.allowAny, "allow-any", false, l.T("flag.allow-any"))
	fs.IntVar(&cfg.maxSessions, "max-sessions", 32, l.T("flag.max-sessions"))
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", 30*time.Minute, l.T("flag.idle-timeout"))
	fs.DurationVar(&cfg.loginTimeout, "login-timeout", 20*time.Second, l.T("flag.login-timeout"))
	fs.IntVar(&cfg.maxStartups, "max-startups", 64, l.T("flag.max-startups"))
	fs.StringVar(&cfg.stateDir, "state", "", l.T("flag.state-serve"))
	if code, ok := commands.ParseFlags(fs, args, stdout); !ok {
		return code
	}
	cfg.paths, cfg.noCache = fs.Args(), *noCache
	if cfg.authorizedKeys == "" && !cfg.allowAny {
		fmt.Fprintln(stderr, "baogao serve: "+l.T("serve.no-keys"))
		return exitUsage
	}
	if cfg.loginTimeout <= 0 || cfg.maxStartups <= 0 || cfg.maxSessions <= 0 {
		fmt.Fprintln(stderr, "baogao serve: "+l.T("serve.not-positive"))
		return exitUsage
	}
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, Prefix: "baogao"})
	raiseFileLimit(logger)
	srv, err := newServer(cfg, logger)
	if err != nil {
		fmt.Fprintln(stderr, "baogao serve: "+l.Err(err))
		return exitEmpty
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		fmt.Fprintln(stderr, "baogao serve: "+l.Err(err))
		return exitEmpty
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Info("listening", "addr", ln.Addr().String(), "reports", len(srv.corpus.Reports))
	done := make(chan error, 1)
	go func() { done <- srv.ssh.Serve(ln) }()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, ssh.ErrServerClosed) {
			fmt.Fprintln(stderr, "baogao serve: "+l.Err(err))
			return exitEmpty
		}
	case <-ctx.Done():
		logger.Info("shutting down", "sessions", srv.active.Load())
		srv.shutdown(5 * time.Second)
	}
	return exitOK
}

// server is one running `serve`: the shared corpus, the SSH server and its sessions.
type server struct {
	cfg    serveConfig
	log    *log.Logger
	corpus loader.Result
	bodies *loader.Bodies // the corpus's texts, for every session's full-text search
	keys   []match.Key
	ssh    *ssh.Server
	auth   *authorizedKeys
	active atomic.Int64
	guard  *connGuard

	mu       sync.Mutex
	programs map[*tea.Program]bool

	panicOn string // tests: a command that panics, to prove one session's panic spares the rest
}

func newServer(cfg serveConfig, logger *log.Logger) (*server, error) {
	if cfg.loginTimeout <= 0 {
		cfg.loginTimeout = 20 * time.Second
	}
	if cfg.maxStartups <= 0 {
		cfg.maxStartups = 64
	}
	s := &server{cfg: cfg, log: logger, programs: map[*tea.Program]bool{}}
	s.guard = &connGuard{loginTimeout: cfg.loginTimeout, idle: cfg.idleTimeout, maxStartups: int64(cfg.maxStartups), maxConns: int64(cfg.maxSessions), log: logger}
	switch {
	case cfg.authorizedKeys != "":
		s.auth = &authorizedKeys{path: cfg.authorizedKeys}
		if _, err := s.auth.load(); err != nil {
			return nil, err
		}
	case cfg.allowAny:
		logger.Warn("--allow-any: every public key may connect")
	default:
		return nil, msg.E("serve.no-keys")
	}
	keyPath := cfg.hostKey
	if keyPath == "" {
		dir, err := xdg.Data()
		if err != nil {
			return nil, msg.E("serve.host-key-dir", err)
		}
		keyPath = filepath.Join(dir, "ssh_host_ed25519_key")
	}
	pemBytes, err := hostKey(keyPath)
	if err != nil {
		return nil, err
	}
	// The corpus is loaded once; every session reads it and never changes it.
	stateRoot, err := s.stateRoot()
	if err != nil {
		return nil, err
	}
	s.corpus, s.bodies = commands.LoadServed(cfg.env, cfg.paths, cfg.noCache, []string{keyPath, cfg.authorizedKeys, stateRoot})
	for _, e := range s.corpus.Errors {
		logger.Warn("file not loaded", "source", quoted(e.Source), "error", e.Err)
	}
	if len(s.corpus.Reports) == 0 {
		return nil, msg.E("cli.nothing-loaded")
	}
	var py match.Readings
	s.keys = py.ReportKeys(s.corpus.Reports)

	opts := []ssh.Option{
		wish.WithAddress(cfg.listen),
		wish.WithHostKeyPEM(pemBytes),
		wish.WithPublicKeyAuth(s.publicKey),
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(s.program), // runs last: the TUI for a PTY
			s.commands,  // an exec request: a subcommand, no shell
			s.recovered, // a panic ends one session, never the server
			s.limit,     // --max-sessions
			s.logged,    // connect, command, disconnect
		),
		func(srv *ssh.Server) error {
			// The login grace is the library's handshake deadline; the idle timeout, the cap on
			// connections logging in and on connections logged in are the guard's (the library's
			// own idle timeout races on its deadline fields, seen under -race, and it clears every
			// deadline after login when it has none).
			srv.HandshakeTimeout = cfg.loginTimeout
			srv.ConnCallback = func(ctx ssh.Context, conn net.Conn) net.Conn {
				gc := s.guard.accept(conn)
				if gc == nil {
					return nil
				}
				ctx.SetValue(connKey, gc)
				return gc
			}
			srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
				return &gossh.ServerConfig{AuthLogCallback: s.authLog}
			}
			// Agent and X11 forwarding are refused at the request, sizes clamped, environment
			// bounded; port forwarding has no callbacks, so it is refused by the library.
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": func(srv *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
				note := &sizeNote{}
				ctx.SetValue(sizeNoteKey, note)
				ssh.DefaultSessionHandler(srv, conn, sessionRequests{nc, logger, note.clamped}, ctx)
			}}
			return nil
		},
	}
	s.ssh, err = wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// hostKey returns the ed25519 host key at path, creating it (mode 0600) on first start. A key
// that others may read is refused: it would let them impersonate the server.
func hostKey(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err == nil {
		if st.Mode().Perm()&0o077 != 0 {
			return nil, msg.E("serve.host-key-mode", path, st.Mode().Perm(), path)
		}
		return os.ReadFile(path)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, msg.E("serve.host-key", path, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "baogao host key")
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, msg.E("serve.host-key", path, err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return nil, msg.E("serve.host-key", path, err)
	}
	return data, nil
}

// authorizedKeys is an OpenSSH authorized_keys file, re-read when its size or time changes.
type authorizedKeys struct {
	path string
	mu   sync.Mutex
	mod  time.Time
	size int64
	keys []authorizedKey
}

type authorizedKey struct {
	key     gossh.PublicKey
	comment string
	opts    keyOptions
}

func (a *authorizedKeys) load() ([]authorizedKey, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	st, err := os.Stat(a.path)
	if err != nil {
		return nil, msg.E("serve.authorized-keys", err)
	}
	if st.ModTime().Equal(a.mod) && st.Size() == a.size && a.keys != nil {
		return a.keys, nil
	}
	data, err := os.ReadFile(a.path)
	if err != nil {
		return nil, msg.E("serve.authorized-keys", err)
	}
	keys := []authorizedKey{}
	for len(bytes.TrimSpace(data)) > 0 {
		k, comment, options, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			break // the rest has no key
		}
		opts, err := parseKeyOptions(options)
		if err != nil {
			// never accept a key whose restrictions would be ignored
			return nil, msg.E("serve.authorized-key", a.path, comment, err)
		}
		keys = append(keys, authorizedKey{k, comment, opts})
		data = rest
	}
	a.keys, a.mod, a.size = keys, st.ModTime(), st.Size()
	return keys, nil
}

type ctxKey string

const reviewerKey ctxKey = "reviewer"

// publicKey admits the keys of the authorized_keys file (any key with --allow-any) and names
// the reviewer after the key's comment, or its fingerprint.
func (s *server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	name := gossh.FingerprintSHA256(key)
	if s.auth != nil {
		keys, err := s.auth.load()
		if err != nil {
			s.log.Error("auth", "error", err)
			return false
		}
		found := false
		var opts keyOptions
		for _, k := range keys {
			if ssh.KeysEqual(k.key, key) {
				found, opts = true, k.opts
				if k.comment != "" {
					name = k.comment
				}
				break
			}
		}
		if !found {
			s.log.Warn("auth failure", "method", "publickey", "user", quoted(ctx.User()), "remote", ctx.RemoteAddr().String(), "key", gossh.FingerprintSHA256(key))
			return false
		}
		if ok, why := opts.allows(ctx.RemoteAddr(), time.Now()); !ok {
			s.log.Warn("auth failure", "method", "publickey", "user", quoted(ctx.User()), "remote", ctx.RemoteAddr().String(), "key", gossh.FingerprintSHA256(key), "reason", why)
			return false
		}
		ctx.SetValue(optionsKey, opts)
	}
	ctx.SetValue(reviewerKey, name)
	return true
}

// authLog logs every login attempt that is not a public key (those are logged above, with the
// key): password, keyboard-interactive and none are refused here, and a stranger's tries are worth
// seeing in the log like any other.
func (s *server) authLog(conn gossh.ConnMetadata, method string, err error) {
	if method == "publickey" || err == nil {
		return
	}
	if method == "none" {
		// every client asks "none" first to learn the methods: logged, but not as a failure
		s.log.Info("auth probe", "method", "none", "user", quoted(conn.User()), "remote", conn.RemoteAddr().String())
		return
	}
	s.log.Warn("auth failure", "method", quoted(method), "user", quoted(conn.User()), "remote", conn.RemoteAddr().String())
}

const optionsKey ctxKey = "key-options"

func optionsOf(ctx ssh.Context) keyOptions {
	o, _ := ctx.Value(optionsKey).(keyOptions)
	return o
}

// sizeNote remembers that a session's terminal size was clamped, to tell its browser once.
type sizeNote struct {
	mu   sync.Mutex
	size string
	p    *tea.Program
}

const sizeNoteKey ctxKey = "size-note"

func (n *sizeNote) clamped(size string) {
	n.mu.Lock()
	n.size = size
	p := n.p
	n.mu.Unlock()
	if p != nil {
		go p.Send(tui.NoticeMsg(clampNotice(size)))
	}
}

// clampNotice is in English, as data: the browser says it in its session's language (msg.Say).
func clampNotice(size string) string { return msg.EN.T("serve.clamped", size) }

// langOf is the language a session asked for with BAOGAO_LANG (ssh -o SetEnv=BAOGAO_LANG=en,
// where sshd-like servers take it), else the server's own.
func (s *server) langOf(sess ssh.Session) msg.Lang {
	for _, e := range sess.Environ() {
		if v, ok := strings.CutPrefix(e, "BAOGAO_LANG="); ok {
			if l, known := msg.Parse(v); known {
				return l
			}
		}
	}
	return s.cfg.env.Lang
}

// quoted writes a client's words (user names, commands, file names) on one line with control
// characters escaped, so no name can forge a log line or move the terminal.
func quoted(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

func reviewerOf(sess ssh.Session) string {
	if v, ok := sess.Context().Value(reviewerKey).(string); ok {
		return v
	}
	return "unknown"
}

var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}._@-]+`)

// storeFor opens the review state of one reviewer: one file each, shared by that reviewer's
// sessions (the store's lock and merge keep concurrent sessions from losing changes).
func (s *server) storeFor(reviewer string) (*review.Store, error) {
	dir, err := s.stateRoot()
	if err != nil {
		return nil, err
	}
	name := strings.Trim(unsafeName.ReplaceAllString(reviewer, "_"), "._")
	if name == "" {
		name = "unknown"
	}
	path := filepath.Join(dir, name+".json")
	if s.cfg.stateDir != "" {
		return review.Open(path)
	}
	return review.OpenMerging(path, review.Legacy(path))
}

// stateRoot is the folder of the reviewers' state files.
func (s *server) stateRoot() (string, error) {
	if s.cfg.stateDir != "" {
		return s.cfg.stateDir, nil
	}
	dir, err := review.Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "users"), nil
}

func (s *server) logged(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		start := time.Now()
		s.log.Info("connect", "user", quoted(reviewerOf(sess)), "remote", sess.RemoteAddr().String(), "command", quoted(strings.Join(sess.Command(), " ")))
		next(sess)
		s.log.Info("disconnect", "user", quoted(reviewerOf(sess)), "remote", sess.RemoteAddr().String(), "duration", time.Since(start).Round(time.Millisecond).String())
	}
}

func (s *server) limit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if c := connOf(sess.Context()); c != nil && c.full() {
			s.log.Warn("server full", "user", quoted(reviewerOf(sess)), "max", s.cfg.maxSessions, "connections", s.guard.conns.Load())
			wish.Fatalln(sess, "baogao: "+s.langOf(sess).T("serve.full"))
			return
		}
		if n := s.active.Add(1); n > int64(s.cfg.maxSessions) {
			s.active.Add(-1)
			s.log.Warn("server full", "user", quoted(reviewerOf(sess)), "max", s.cfg.maxSessions)
			wish.Fatalln(sess, "baogao: "+s.langOf(sess).T("serve.full"))
			return
		}
		defer s.active.Add(-1)
		next(sess)
	}
}

// recovered ends a session that panicked, never the server: the stack goes to the log and the
// user is told. wish's recover middleware logs the stack too, but ends the session without a
// word and with status 0.
func (s *server) recovered(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("session panic", "user", reviewerOf(sess), "panic", r, "stack", string(debug.Stack()))
				wish.Fatalln(sess, "baogao: "+s.langOf(sess).T("serve.internal"))
			}
		}()
		next(sess)
	}
}

// commands runs an exec request: one of the non-interactive subcommands over the served corpus.
// There is no shell; anything else is one line on stderr and exit status 2.
func (s *server) commands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		args := sess.Command()
		if forced := optionsOf(sess.Context()).command; forced != nil {
			// command="…" in authorized_keys: that command, whatever the client asked
			if len(args) > 0 {
				s.log.Info("forced command", "user", quoted(reviewerOf(sess)), "asked", quoted(strings.Join(args, " ")))
			}
			args = forced
		}
		if len(args) == 0 {
			next(sess) // a PTY asks for the browser
			return
		}
		s.log.Info("command", "user", quoted(reviewerOf(sess)), "command", quoted(strings.Join(args, " ")))
		if s.panicOn != "" && args[0] == s.panicOn {
			panic("test panic")
		}
		switch args[0] {
		case "targets", "export", "review":
		default:
			fmt.Fprintln(sess.Stderr(), "baogao: "+s.langOf(sess).T("serve.unknown-command", args[0]))
			sess.Exit(exitUsage)
			return
		}
		st, err := s.storeFor(reviewerOf(sess))
		if err != nil {
			s.log.Error("review state", "user", quoted(reviewerOf(sess)), "error", err)
		}
		env := commands.Env{Stdin: sess, Stdout: sess, Stderr: sess.Stderr(), Sample: s.cfg.env.Sample, SampleRoot: s.cfg.env.SampleRoot,
			Remote: &commands.Remote{Corpus: &s.corpus, Store: st, StoreErr: err, Roots: s.cfg.paths}, Lang: s.langOf(sess)}
		code := commands.Run(args, env)
		sess.Exit(code)
	}
}

// program makes one session's browser: its own model, window size, colour profile and keys,
// over the shared corpus.
func (s *server) program(sess ssh.Session) *tea.Program {
	if _, _, ok := sess.Pty(); !ok {
		wish.Fatalln(sess, "baogao: "+s.langOf(sess).T("serve.no-pty"))
		return nil
	}
	if optionsOf(sess.Context()).noPty {
		wish.Fatalln(sess, "baogao: "+s.langOf(sess).T("serve.commands-only"))
		return nil
	}
	notice := ""
	note, _ := sess.Context().Value(sizeNoteKey).(*sizeNote)
	if note != nil {
		note.mu.Lock()
		if note.size != "" {
			notice = clampNotice(note.size)
		}
		note.mu.Unlock()
	}
	st, err := s.storeFor(reviewerOf(sess))
	stateErr := ""
	if err != nil {
		s.log.Error("review state", "user", quoted(reviewerOf(sess)), "error", err)
		st, stateErr = nil, s.langOf(sess).Err(err)
	}
	app := tui.New(nil, tui.Options{Lang: s.langOf(sess), Remote: true, Bodies: s.bodies, Reports: s.corpus.Reports, Keys: s.keys, Errors: s.corpus.Errors, Store: st, StateError: stateErr, Reviewer: reviewerOf(sess), ReadBody: commands.ReadBody, NoColor: envHas(sess.Environ(), "NO_COLOR"), Notice: notice})
	p := tea.NewProgram(app, bm.MakeOptions(sess)...)
	if note != nil {
		note.mu.Lock()
		note.p = p
		note.mu.Unlock()
	}
	s.mu.Lock()
	s.programs[p] = true
	s.mu.Unlock()
	go func() {
		<-sess.Context().Done()
		s.mu.Lock()
		delete(s.programs, p)
		s.mu.Unlock()
	}()
	return p
}

func envHas(env []string, name string) bool {
	for _, e := range env {
		if strings.HasPrefix(e, name+"=") {
			return true
		}
	}
	return false
}

// shutdown stops accepting, asks every browser to quit, and closes what is left after grace.
func (s *server) shutdown(grace time.Duration) {
	s.mu.Lock()
	for p := range s.programs {
		p.Quit()
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := s.ssh.Shutdown(ctx); err != nil {
		s.ssh.Close()
	}
}
