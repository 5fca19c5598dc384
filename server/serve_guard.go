package server

import (
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The largest terminal the browser draws. A client may ask for any size in a PTY request or a
// window change (4294967295×4294967295); the renderer allocates a cell buffer of that size, which
// is a fatal out-of-memory for the whole server, not a panic one session's recover could catch.
const (
	maxCols = 500
	maxRows = 200
)

// Environment variables a session may set, and how long a value may be: the rest are ignored
// (each request would otherwise cost the server memory for as long as the session lives).
var allowedEnv = map[string]bool{"TERM": true, "COLORTERM": true, "NO_COLOR": true, "LANG": true, "BAOGAO_LANG": true}

const (
	maxEnvValue = 256
	maxEnvVars  = 16
)

func envAllowed(name string) bool { return allowedEnv[name] || strings.HasPrefix(name, "LC_") }

type ptyRequest struct {
	Term                         string
	Columns, Rows, Width, Height uint32
	Modes                        string
}

type windowChange struct {
	Columns, Rows, Width, Height uint32
}

// clamp limits a size to what the browser draws; it says whether it had to.
func clamp(cols, rows *uint32, wpx, hpx *uint32) bool {
	clamped := false
	if *cols > maxCols {
		*cols, clamped = maxCols, true
	}
	if *rows > maxRows {
		*rows, clamped = maxRows, true
	}
	if clamped {
		*wpx, *hpx = 0, 0 // pixel sizes no longer match
	}
	return clamped
}

// sessionRequests filters one session channel's requests before the library sees them: agent and
// X11 forwarding are refused, PTY and window sizes clamped, environment requests bounded. A
// malformed request is refused. notify is told once when a size was clamped.
type sessionRequests struct {
	gossh.NewChannel
	log    *log.Logger
	notify func(clamped string)
}

func (c sessionRequests) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		envs, told := 0, false
		refuse := func(r *gossh.Request) {
			if r.WantReply {
				r.Reply(false, nil)
			}
		}
		tell := func(cols, rows uint32) {
			if !told && c.notify != nil {
				told = true
				c.notify(strconv.Itoa(int(cols)) + "x" + strconv.Itoa(int(rows)))
			}
		}
		for r := range reqs {
			switch r.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				c.log.Warn("refused", "request", r.Type)
				refuse(r)
				continue
			case "pty-req":
				var p ptyRequest
				if gossh.Unmarshal(r.Payload, &p) != nil {
					c.log.Warn("refused", "request", "pty-req", "reason", "malformed")
					refuse(r)
					continue
				}
				if clamp(&p.Columns, &p.Rows, &p.Width, &p.Height) {
					c.log.Warn("terminal size clamped", "request", "pty-req", "size", strconv.Itoa(maxCols)+"x"+strconv.Itoa(maxRows))
					r.Payload = gossh.Marshal(p)
					tell(p.Columns, p.Rows)
				}
			case "window-change":
				var w windowChange
				if gossh.Unmarshal(r.Payload, &w) != nil {
					refuse(r)
					continue
				}
				if clamp(&w.Columns, &w.Rows, &w.Width, &w.Height) {
					r.Payload = gossh.Marshal(w)
					tell(w.Columns, w.Rows)
				}
			case "env":
				var e struct{ Name, Value string }
				if gossh.Unmarshal(r.Payload, &e) != nil || !envAllowed(e.Name) || len(e.Value) > maxEnvValue || envs >= maxEnvVars {
					refuse(r)
					continue
				}
				envs++
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// connGuard keeps the connections in check: a login has loginTimeout to complete (OpenSSH's
// LoginGraceTime), at most maxStartups connections may be logging in at once (MaxStartups), an
// authenticated connection holds one of maxConns slots (a connection over the cap may only be
// told so), and every connection is closed after idle with nothing crossing it, sessions or not.
type connGuard struct {
	loginTimeout time.Duration
	idle         time.Duration
	maxStartups  int64
	maxConns     int64
	log          *log.Logger

	startups  atomic.Int64 // connections logging in
	conns     atomic.Int64 // authenticated connections holding a slot
	refused   atomic.Int64 // connections refused for want of a startup slot, since the last log line
	lastLog   atomic.Int64 // unix seconds of the last "too many logins" line
	fullGrace time.Duration
}

// accept wraps a new connection, or returns nil (the library closes it) when too many are
// logging in.
func (g *connGuard) accept(conn net.Conn) *guardedConn {
	if n := g.startups.Add(1); g.maxStartups > 0 && n > g.maxStartups {
		g.startups.Add(-1)
		g.refused.Add(1)
		// one line a second at most: a flood must not fill the log
		if now := time.Now().Unix(); g.lastLog.Swap(now) != now {
			g.log.Warn("too many connections logging in: refused", "refused", g.refused.Swap(0), "logging_in", g.startups.Load(), "max_startups", g.maxStartups)
		}
		return nil
	}
	c := &guardedConn{Conn: conn, g: g, idle: g.idle, limit: time.Now().Add(g.loginTimeout)}
	c.arm()
	return c
}

// guardedConn is one connection. The SSH library sets a deadline while the handshake runs and
// clears it when the login succeeded; guardedConn takes the first as the login grace and the
// second as the sign that the connection is authenticated, and keeps its own idle deadline.
type guardedConn struct {
	net.Conn
	g    *connGuard
	idle time.Duration

	mu       sync.Mutex
	limit    time.Time // the login grace while logging in; zero after
	authed   bool
	slot     bool // holds one of maxConns
	closed   bool
	fullStop *time.Timer
}

// arm sets the connection's deadline: idle from now, but never past the login grace.
func (c *guardedConn) arm() {
	c.mu.Lock()
	var d time.Time
	if c.idle > 0 {
		d = time.Now().Add(c.idle)
	}
	if !c.limit.IsZero() && (d.IsZero() || c.limit.Before(d)) {
		d = c.limit
	}
	c.mu.Unlock()
	c.Conn.SetDeadline(d)
}

// SetDeadline is how the library speaks: a deadline while the handshake runs, none (or its own
// idle one, which it does not set here) once it succeeded.
func (c *guardedConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	loggingIn := !c.authed
	if t.IsZero() && loggingIn && !c.limit.IsZero() {
		c.authed, c.limit = true, time.Time{}
		c.mu.Unlock()
		c.loggedIn()
		c.arm()
		return nil
	}
	if !t.IsZero() && loggingIn && (c.limit.IsZero() || t.Before(c.limit)) {
		c.limit = t
	}
	c.mu.Unlock()
	c.arm()
	return nil
}

// loggedIn moves the connection from the startups to a connection slot, or marks it full.
func (c *guardedConn) loggedIn() {
	c.g.startups.Add(-1)
	if n := c.g.conns.Add(1); c.g.maxConns > 0 && n > c.g.maxConns {
		c.g.conns.Add(-1)
		// over the cap: it may open one session to be told so, then it is closed
		grace := c.g.fullGrace
		if grace <= 0 {
			grace = 5 * time.Second
		}
		c.mu.Lock()
		c.fullStop = time.AfterFunc(grace, func() { c.Close() })
		c.mu.Unlock()
		return
	}
	c.mu.Lock()
	c.slot = true
	c.mu.Unlock()
}

// full says the connection got no slot: its sessions are told the server is full.
func (c *guardedConn) full() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.authed && !c.slot
}

func (c *guardedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		c.arm()
	}
	return n, err
}

func (c *guardedConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	if n > 0 {
		c.arm()
	}
	return n, err
}

func (c *guardedConn) Close() error {
	c.mu.Lock()
	if !c.closed {
		c.closed = true
		switch {
		case !c.authed:
			c.g.startups.Add(-1)
		case c.slot:
			c.g.conns.Add(-1)
		}
		if c.fullStop != nil {
			c.fullStop.Stop()
		}
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

const connKey ctxKey = "conn"

func connOf(ctx ssh.Context) *guardedConn {
	c, _ := ctx.Value(connKey).(*guardedConn)
	return c
}
