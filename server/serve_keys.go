package server

import (
	"baogao/msg"
	"net"
	"path"
	"strings"
	"time"
)

// keyOptions are the authorized_keys options (sshd(8), AUTHORIZED_KEYS FILE FORMAT) a key carries
// that apply to this server. Forwarding is refused to everyone, so no-port-forwarding,
// no-agent-forwarding, no-X11-forwarding and no-user-rc hold already; any other option the server
// does not honour makes the file an error, never an option silently ignored.
type keyOptions struct {
	from    []string  // from="pattern-list": the client's address must match
	expires time.Time // expiry-time="YYYYMMDD[HHMM[SS]][Z]"
	noPty   bool      // no-pty, or restrict without pty: commands only, no browser
	command []string  // command="targets …": this command runs whatever the client asks
}

var servedCommands = map[string]bool{"targets": true, "export": true, "review": true}

// parseKeyOptions reads one key's options.
func parseKeyOptions(opts []string) (keyOptions, error) {
	var k keyOptions
	restrict, pty := false, false
	for _, o := range opts {
		name, value, hasValue := strings.Cut(o, "=")
		name = strings.ToLower(name)
		if hasValue {
			if len(value) < 2 || value[0] != '"' || value[len(value)-1] != '"' {
				return k, msg.E("keys.quotes", name)
			}
			value = value[1 : len(value)-1]
		}
		switch name {
		case "from":
			for _, p := range strings.Split(value, ",") {
				if p = strings.TrimSpace(p); p != "" {
					k.from = append(k.from, p)
				}
			}
			if len(k.from) == 0 {
				return k, msg.E("keys.from-empty")
			}
		case "expiry-time":
			t, err := parseExpiry(value)
			if err != nil {
				return k, err
			}
			k.expires = t
		case "no-pty":
			k.noPty = true
		case "pty":
			pty = true
		case "restrict":
			restrict = true
		case "command":
			if strings.ContainsAny(value, `"'\`+"`$;|&<>") {
				return k, msg.E("keys.command-plain", value)
			}
			f := strings.Fields(value)
			if len(f) == 0 || !servedCommands[f[0]] {
				return k, msg.E("keys.command-other", value)
			}
			k.command = f
		case "no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc":
			// forwarding and rc files never happen here
		default:
			return k, msg.E("keys.unknown-option", name)
		}
	}
	if restrict && !pty {
		k.noPty = true
	}
	return k, nil
}

// parseExpiry reads sshd's expiry-time: YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, local time
// unless it ends in Z.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	if strings.HasSuffix(v, "Z") {
		v, loc = strings.TrimSuffix(v, "Z"), time.UTC
	}
	for _, layout := range []string{"20060102150405", "200601021504", "20060102"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, msg.E("keys.expiry", v)
}

// allows says a client at addr may use the key now.
func (k keyOptions) allows(addr net.Addr, now time.Time) (bool, string) {
	if !k.expires.IsZero() && !now.Before(k.expires) {
		return false, msg.EN.T("keys.expired")
	}
	if len(k.from) > 0 {
		host := addr.String()
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !fromMatches(k.from, host) {
			return false, msg.EN.T("keys.from-denied")
		}
	}
	return true, ""
}

// fromMatches applies sshd's pattern-list to an address: a negated pattern (!p) that matches
// refuses, else any plain pattern that matches admits. Patterns are wildcards (* ?) or CIDR
// blocks; host names are not looked up, so they match only as the address itself.
func fromMatches(patterns []string, host string) bool {
	ip := net.ParseIP(host)
	matched := false
	for _, p := range patterns {
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		hit := false
		if _, block, err := net.ParseCIDR(p); err == nil {
			hit = ip != nil && block.Contains(ip)
		} else if ok, err := path.Match(p, host); err == nil && ok {
			hit = true
		}
		if hit && neg {
			return false
		}
		matched = matched || hit
	}
	return matched
}
