// Package commands runs baogao's command lines: the browser or its plain list (browse.go),
// targets, export and review, one file each, with the flags every command shares (cli.go). A
// command runs in an Env: its streams, the embedded sample, and Remote when it runs over SSH.
package commands

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"baogao/loader"
	"baogao/model"
	"baogao/msg"
	"baogao/review"
)

// Exit statuses of every command.
const (
	ExitOK    = 0
	ExitEmpty = 1 // nothing could be loaded
	ExitUsage = 2
)

const (
	exitOK    = ExitOK
	exitEmpty = ExitEmpty
	exitUsage = ExitUsage
)

// Env is where a command runs: its streams, the embedded sample, and how it is reached. Locally
// (Remote nil) a command reads the paths it is given and the user's review state; under serve it
// answers from the served corpus and the SSH user's own state.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Sample         fs.FS  // the reports read when no PATH is given
	SampleRoot     string // their folder in Sample
	Remote         *Remote
	// Lang is the language of messages and tables (main: BAOGAO_LANG); --lang overrides it.
	Lang msg.Lang
	// Serve runs `baogao serve` (the server package, wired by main: it runs commands itself).
	Serve func(args []string, env Env) int
}

// Remote is what a command run over SSH works on.
type Remote struct {
	Corpus *loader.Result // loaded once by the server, read by every session
	Store  *review.Store  // the SSH user's review state; nil when it could not be opened
	// StoreErr is why Store could not be opened: an error for the user, never a reason to
	// read anyone else's state
	StoreErr error
	Roots    []string // the served folders: an export names sources relative to them
}

// cli runs one command line in its Env.
type cli struct {
	env     Env
	lang    msg.Lang
	noCache bool // --no-cache: parse every file, neither read nor write the parse cache
	// serve: confine the walk to the folders given and never read the server's own files
	confine bool
	exclude []string
}

// Run runs one command line: args without the program's name.
func Run(args []string, env Env) int {
	lang, args, err := takeLang(args, env.Lang)
	if err != nil {
		fmt.Fprintln(env.Stderr, "baogao: "+env.Lang.Err(err))
		return exitUsage
	}
	env.Lang = lang
	return (&cli{env: env, lang: lang}).run(args, env.Stdin, env.Stdout, env.Stderr)
}

// takeLang takes --lang VALUE (or --lang=VALUE) out of args, wherever it stands before a "--":
// every command speaks the language it asks for, the browser too.
func takeLang(args []string, lang msg.Lang) (msg.Lang, []string, error) {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		v, ok := "", false
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				return lang, nil, msg.E("cli.lang-missing")
			}
			v, ok = args[i+1], true
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			_, v, _ = strings.Cut(a, "=")
			ok = true
		}
		if !ok {
			out = append(out, a)
			continue
		}
		l, known := msg.Parse(v)
		if !known {
			return lang, nil, msg.E("cli.lang-unknown", v)
		}
		lang = l
	}
	return lang, out, nil
}

// LoadServed loads the corpus a server serves (no paths: env's sample): confined to its
// folders (no link leads out), never reading the server's own files (exclude), errors left to
// the caller.
func LoadServed(env Env, paths []string, noCache bool, exclude []string) (loader.Result, *loader.Bodies) {
	c := &cli{env: env, noCache: noCache, confine: true, exclude: exclude}
	c.lang = env.Lang
	var bodies *loader.Bodies
	res := c.loadWith(paths, io.Discard, func(o *loader.Options) { bodies = withBodies(o) })
	return res, bodies
}

// withBodies keeps every report's text beside the parse cache, for the full-text search.
func withBodies(o *loader.Options) *loader.Bodies {
	if o.CacheFile == "" {
		return nil
	}
	o.Bodies = loader.OpenBodies(o.CacheFile + ".text")
	return o.Bodies
}

func (c *cli) run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return c.cmdExport(args[1:], stdout, stderr)
		case "targets":
			return c.cmdTargets(args[1:], stdout, stderr)
		case "review":
			return c.cmdReview(args[1:], stdout, stderr)
		case "track":
			return c.cmdTrack(args[1:], stdout, stderr)
		case "panel":
			return c.cmdPanel(args[1:], stdout, stderr)
		case "grep":
			return c.cmdGrep(args[1:], stdout, stderr)
		case "serve":
			if c.env.Remote != nil || c.env.Serve == nil {
				fmt.Fprintln(stderr, "baogao: "+c.lang.T("cli.no-serve"))
				return exitUsage
			}
			return c.env.Serve(args[1:], c.env)
		case "help":
			// help COMMAND is COMMAND --help
			if len(args) > 1 && slices.Contains(commands, args[1]) && args[1] != "help" {
				return c.run([]string{args[1], "--help"}, stdin, stdout, stderr)
			}
			if len(args) > 1 {
				fmt.Fprintln(stderr, "baogao help: "+c.lang.T("cli.unknown-command", args[1]))
				return exitUsage
			}
			fmt.Fprint(stdout, c.lang.T("usage.main"))
			return exitOK
		}
		// A word that is neither a command nor a path is a mistyped command, not a folder to
		// browse empty (baogao taregts 长安 used to open a browser of nothing and exit 0).
		if w := args[0]; !strings.HasPrefix(w, "-") && !strings.ContainsAny(w, `/.\`) {
			if _, err := os.Stat(w); err != nil {
				say := c.lang.T("cli.unknown-command-help", w)
				if near := nearestCommand(w); near != "" {
					say = c.lang.T("cli.unknown-command-near", w, near)
				}
				fmt.Fprintln(stderr, "baogao: "+say)
				return exitUsage
			}
		}
	}
	return c.cmdBrowse(args, stdin, stdout, stderr)
}

var commands = []string{"targets", "track", "panel", "grep", "export", "review", "serve", "help"}

// nearestCommand is the command a typo was probably meant to be: within two edits.
func nearestCommand(w string) string {
	best, bestD := "", 3
	for _, cmd := range commands {
		if d := editDistance(w, cmd); d < bestD {
			best, bestD = cmd, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of neighbours that
// turn a into b.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// NewFlags is a flag set as every command has it (--no-cache, usage, --flag spelling), for a
// command that lives outside this package (serve); noCache is its --no-cache.
func NewFlags(lang msg.Lang, name, usage string, stderr io.Writer) (fs *flag.FlagSet, noCache *bool) {
	c := &cli{lang: lang}
	return c.newFlags(name, usage, stderr), &c.noCache
}

// ParseFlags parses a NewFlags set: flags may follow the arguments; asked-for help goes to
// stdout (ok false, code 0), a usage error to stderr (ok false, code 2).
func ParseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, ok bool) {
	return parseFlags(fs, args, stdout)
}

func (c *cli) newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&c.noCache, "no-cache", false, c.lang.T("flag.no-cache"))
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		printFlags(c.lang, fs)
	}
	return fs
}

// printFlags lists the flags as the usage lines spell them (--format, not -format), each with
// its kind of value and its default.
func printFlags(lang msg.Lang, fs *flag.FlagSet) {
	var b strings.Builder
	b.WriteString(lang.T("usage.flags") + "\n")
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		b.WriteString("  --" + f.Name)
		if kind != "" {
			b.WriteString(" " + kind)
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def := f.DefValue
			if kind == "string" {
				def = strconv.Quote(def)
			}
			b.WriteString(" " + lang.T("usage.default", def))
		}
		b.WriteString("\n")
	})
	fmt.Fprint(fs.Output(), b.String())
}

// parseFlags parses and maps flag errors onto exit codes. Asked-for help goes to stdout with
// status 0; a usage error goes to stderr with status 2.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
		}
	}
	// Flags may come after the positional arguments (targets changan --format csv), as with
	// most tools; a "--" ends the flags, and what follows is positional whatever it looks like.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK, false
			}
			return exitUsage, false
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	fs.Parse(append([]string{"--"}, pos...)) // fs.Args() is now every positional argument, in order
	return 0, true
}

// load reads the given paths, or the embedded sample when there are none, and prints one line
// per bad file on stderr.
// oneOf checks a flag's value against the values it takes, saying so on stderr when it is not.
func (c *cli) oneOf(stderr io.Writer, cmd, value string, allowed ...string) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	fmt.Fprintf(stderr, "baogao %s: %s\n", cmd, c.lang.T("cli.unknown-format", value, strings.Join(allowed, ", ")))
	return false
}

// bomFlag is --bom: a UTF-8 byte-order mark before CSV, which Excel on Windows needs to read
// Chinese.
func (c *cli) bomFlag(fs *flag.FlagSet) *bool { return fs.Bool("bom", false, c.lang.T("flag.bom")) }

// csvOut is where CSV goes: stdout, after the mark when --bom asks for it.
func csvOut(w io.Writer, bom bool) io.Writer {
	if bom {
		io.WriteString(w, "\uFEFF")
	}
	return w
}

// xlsxOut refuses to write a workbook's bytes to a terminal: they are for a file.
func (c *cli) xlsxOut(stdout, stderr io.Writer, cmd string) bool {
	if _, isTerm := terminal(stdout); isTerm {
		fmt.Fprintf(stderr, "baogao %s: %s\n", cmd, c.lang.T("cli.xlsx-terminal", cmd))
		return false
	}
	return true
}

// localState refuses --state over SSH, where a user must not name files on the server.
func (c *cli) localState(stderr io.Writer, cmd, path string) bool {
	if c.env.Remote != nil && path != "" {
		fmt.Fprintf(stderr, "baogao %s: %s\n", cmd, c.lang.T("cli.no-state-remote"))
		return false
	}
	return true
}

func (c *cli) load(paths []string, stderr io.Writer) loader.Result {
	return c.loadRendered(paths, stderr, nil)
}

// loadRendered is load with render kept in the parse cache beside each report (see
// loader.Options.Render); without a cache there is nothing to keep it in, and it is not asked for.
func (c *cli) loadRendered(paths []string, stderr io.Writer, render func(*model.Report) []byte) loader.Result {
	return c.loadWith(paths, stderr, func(o *loader.Options) {
		if o.CacheFile != "" {
			o.Render = render
		}
	})
}

// loadWith is load with the options for files on disk tuned (a cache's companions).
func (c *cli) loadWith(paths []string, stderr io.Writer, tune func(*loader.Options)) loader.Result {
	if c.env.Remote != nil {
		if len(paths) > 0 {
			fmt.Fprintln(stderr, "baogao: "+c.lang.T("cli.no-paths-remote"))
		}
		return *c.env.Remote.Corpus
	}
	var res loader.Result
	if len(paths) == 0 {
		res = loader.Load(loader.FS(c.env.Sample, c.env.SampleRoot), loader.Options{})
	} else {
		o := c.loadOptions(paths, stderr)
		tune(&o)
		res = loader.Load(loader.Paths(paths...), o)
		for _, n := range res.Notices {
			fmt.Fprintf(stderr, "baogao: %s\n", c.lang.Say(n))
		}
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "baogao: %s: %s\n", model.SafeName(e.Source), c.lang.Say(e.Err))
	}
	return res
}

// loadOptions: files on disk are parsed through the cache (unless --no-cache) and loaded
// without their bodies, which the browser reads back when a report is opened. The cache is
// named here and opened by the load.
func (c *cli) loadOptions(paths []string, stderr io.Writer) loader.Options {
	o := loader.Options{DropBodies: true, Confine: c.confine, Exclude: c.exclude}
	if c.noCache {
		return o
	}
	p, err := loader.CachePath(paths)
	if err != nil {
		fmt.Fprintln(stderr, "baogao: "+c.lang.T("cli.cache-unused", err))
		return o
	}
	o.CacheFile = p
	return o
}
