package msg

// table holds every message: its Chinese form, then its English one. Verbs (%d, %s …) come in
// the same order in both. Messages kept in data (warnings, load errors: the export holds them in
// English) are turned into Chinese by matching their English form (Say), so an English form with
// verbs must have literal text around them.
var table = map[ID][2]string{
	// keys: the footer and the help
	"key.back":                  {"返回", "back"},
	"key.bottom":                {"到底", "bottom"},
	"key.cancel":                {"取消", "cancel"},
	"key.chart":                 {"图表", "chart"},
	"key.clear-filter":          {"清除筛选", "clear filter"},
	"key.collapse":              {"折叠", "collapse"},
	"key.column-left":           {"左一列", "column left"},
	"key.column-right":          {"右一列", "column right"},
	"key.discard-changes":       {"放弃修改", "discard changes"},
	"key.down":                  {"下移", "down"},
	"key.expand":                {"展开", "expand"},
	"key.expand-collapse":       {"展开/折叠", "expand/collapse"},
	"key.filter":                {"筛选", "filter"},
	"key.flag-as-wrong":         {"标错", "flag as wrong"},
	"key.half-page-down":        {"下翻半页", "half page down"},
	"key.half-page-up":          {"上翻半页", "half page up"},
	"key.help":                  {"帮助", "help"},
	"key.indicators":            {"指标", "indicators"},
	"key.keep-both-append-mine": {"两者都留（追加我的）", "keep both (append mine)"},
	"key.keep-editing":          {"继续编辑", "keep editing"},
	"key.keep-mine":             {"用我的", "keep mine"},
	"key.keep-theirs":           {"用对方的", "keep theirs"},
	"key.load-errors":           {"加载错误", "load errors"},
	"key.mark-reviewed":         {"标为已审", "mark reviewed"},
	"key.next-match":            {"下一处", "next match"},
	"key.note":                  {"笔记", "note"},
	"key.note-on-section":       {"章节笔记", "note on section"},
	"key.open":                  {"打开", "open"},
	"key.page-down":             {"下翻一页", "page down"},
	"key.page-up":               {"上翻一页", "page up"},
	"key.previous-match":        {"上一处", "previous match"},
	"key.quit":                  {"退出", "quit"},
	"key.save-note":             {"保存笔记", "save note"},
	"key.search":                {"搜索", "search"},
	"key.show-source":           {"查看原文", "show source"},
	"key.show-all-unreviewed-starred-flagged-noted": {"显示：全部/未审/星标/标错/有笔记", "show: all/unreviewed/starred/flagged/noted"},
	"key.sort":           {"排序", "sort"},
	"key.sort-by-column": {"按此列排序", "sort by column"},
	"key.star":           {"星标", "star"},
	"key.star-section":   {"星标章节", "star section"},
	"key.switch-pane":    {"切换窗格", "switch pane"},
	"key.targets":        {"目标对比", "targets"},
	"key.top":            {"到顶", "top"},
	"key.tree":           {"目录", "tree"},
	"key.up":             {"上移", "up"},

	"key.fulltext":          {"全文搜索", "search every report"},
	"key.open-hit":          {"打开这一处", "open at the hit"},
	"key.edit-query":        {"改搜索词", "edit the query"},
	"key.trend":             {"逐年走势", "trend by year"},
	"title.search":          {"全文搜索", "Full-text search"},
	"search.prompt":         {"搜索全文: ", "search: "},
	"search.placeholder":    {"新质生产力 / 低空经济 数字（空格分开的词须在同一句）", "新质生产力 / 低空经济 数字 (words parted by spaces: in one sentence)"},
	"search.none":           {"没有报告含有这些词", "no report holds these words"},
	"search.count":          {"%d 处", "%d hits"},
	"search.status":         {"%d 份报告 · %d 处 · 共 %d 份", "%d reports · %d hits · of %d"},
	"search.running":        {"搜索中…", "searching…"},
	"search.chart-head":     {"「%s」逐年：每份报告的次数", "“%s” by year: hits per report"},
	"search.chart-row":      {"%s/份 · %d 处 · %d/%d 份", "%s/report · %d hits · %d/%d reports"},
	"search.chart-status":   {"c 结果列表", "c results"},
	"footer.fulltext":       {"输入要找的词（空格分开的词须在同一句）· 边输入边搜索 · enter 看结果 · esc 取消", "type the words (parted by spaces: in one sentence) · results as you type · enter to them · esc cancel"},
	"key.timeline":          {"历年对比", "over the years"},
	"key.year-left":         {"前一年", "year before"},
	"key.year-right":        {"后一年", "year after"},
	"key.target-source":     {"目标原文", "target's sentence"},
	"key.actual-source":     {"实绩原文", "actual's sentence"},
	"title.timeline":        {"%s 历年", "%s over the years"},
	"timeline.none":         {"这个地区的报告没有目标", "this region's reports set no targets"},
	"timeline.target":       {"目标（%s年报告）：", "target (%s report):"},
	"timeline.actual":       {"实绩（%s年报告）：", "actual (%s report):"},
	"timeline.target-none":  {"这一年没有目标", "no target for this year"},
	"timeline.actual-none":  {"这一年没有实绩（次年报告的回顾中没有，或只有五年回顾）", "no actual for this year (not in the next year's review, or only in a five-year review)"},
	"timeline.chart-head":   {"%s：目标与实绩（增速 %%）", "%s: target and actual (growth %%)"},
	"timeline.chart-status": {"c 表格 · ↑/↓ 换指标", "c table · ↑/↓ indicator"},
	"verdict.met":           {"✓ 完成", "✓ met"},
	"verdict.stretch":       {"★ 达到力争目标", "★ stretch goal met"},
	"verdict.missed":        {"✗ 未完成", "✗ missed"},
	"verdict.unjudged":      {"? 无法比较", "? not comparable"},
	"col.verdict":           {"是否完成", "Met"},
	"key.copy":              {"复制", "copy"},
	"key.export-csv":        {"导出为 CSV", "export as CSV"},
	"key.open-pager":        {"在分页器中打开文件", "open the file in the pager"},
	"key.reload":            {"从磁盘重新读取", "read again from disk"},
	"footer.help":           {"j/k 滚动 · space/b 翻页 · esc 或 ? 关闭", "j/k scroll · space/b page · esc or ? close"},
	"footer.filter":         {"输入中文、全拼或首字母筛选 · enter 确定 · esc 取消", "type Chinese, pinyin or initials · enter done · esc cancel"},
	"footer.search":         {"输入要找的文字 · enter 搜索 · esc 取消", "type the text to find · enter search · esc cancel"},
	"footer.flag":           {"写下错在哪里 · enter 标错 · esc 取消", "say what is wrong · enter flag · esc cancel"},
	"prompt.export":         {"导出到: ", "export to: "},
	"prompt.exists":         {"文件已存在：再按 enter 覆盖，或改个名字", "the file exists: enter again replaces it, or change the name"},
	"flash.copied":          {"已复制 %d 字：%s", "copied %d characters: %s"},
	"flash.exported":        {"已导出 %d 行到 %s", "exported %d rows to %s"},
	"flash.export-remote":   {"通过 SSH 不能在服务器上写文件：请用 ssh … export --format csv", "no files are written on the server over SSH: use ssh … export --format csv"},
	"flash.open-remote":     {"通过 SSH 不能打开服务器上的文件", "the server's files are not opened over SSH"},
	"flash.pager-failed":    {"分页器无法运行：%v", "the pager could not run: %v"},
	"flash.reload-gone":     {"%s 中已没有这份报告", "%s no longer holds this report"},
	"flash.reload-same":     {"已重新读取：文件没有改动", "read again: the file has not changed"},
	"flash.reloaded":        {"已重新读取：正文已更新", "read again: the text is updated"},
	"col.file":              {"文件", "File"},

	// screens: titles, columns, status lines
	"title.list":              {"报告列表", "Reports"},
	"title.report":            {"报告", "Report"},
	"title.indicators":        {"指标", "Indicators"},
	"title.targets":           {"目标对比", "Targets compared"},
	"title.errors":            {"加载错误", "Load errors"},
	"title.note":              {"笔记", "Note"},
	"title.loading":           {"加载中…", "loading…"},
	"title.unreadable":        {"%d 个文件无法读取 (e)", "%d files could not be read (e)"},
	"screen.too-small":        {"终端太小 (%dx%d)，至少 %dx%d", "terminal too small (%dx%d), at least %dx%d"},
	"screen.too-small-short":  {"太小 %dx%d", "too small %dx%d"},
	"help.more":               {"↓ 更多：j/k 滚动，esc 关闭", "↓ more: j/k scroll, esc closes"},
	"col.region":              {"地区", "Region"},
	"col.level":               {"级别", "Level"},
	"col.year":                {"年份", "Year"},
	"col.targets":             {"目标", "Targets"},
	"col.target":              {"目标", "Target"},
	"col.title":               {"标题", "Title"},
	"col.indicator":           {"指标", "Indicator"},
	"col.kind":                {"类型", "Kind"},
	"col.value":               {"数值", "Value"},
	"col.growth":              {"增速", "Growth"},
	"col.qualifier":           {"限定", "Qualifier"},
	"col.section":             {"章节", "Section"},
	"col.source-text":         {"原文", "Source text"},
	"col.state":               {"状态", "State"},
	"col.report":              {"报告", "Report"},
	"col.stars":               {"星标", "Stars"},
	"col.flags-notes":         {"标错与笔记", "Flags and notes"},
	"region.unknown":          {"未知", "unknown"},
	"kind.target":             {"目标", "target"},
	"kind.actual":             {"实绩", "actual"},
	"kind.plan":               {"计划", "plan"},
	"target.report":           {"报告", "the report"},
	"target.section":          {"章节「%s」", "section “%s”"},
	"target.indicator":        {"%s（%s）", "%s (%s)"},
	"list.filter-placeholder": {"长安 / changan / ca", "长安 / changan / ca"},
	"list.count":              {"%d/%d  已审 %d/%d", "%d/%d  reviewed %d/%d"},
	"list.count-loading":      {"%d/%d 份（载入中）  已审 %d", "%d/%d (loading)  reviewed %d"},
	"list.showing":            {"显示：%s", "showing: %s"},
	"list.sorted":             {"排序：%s", "sorted: %s"},
	"list.sep":                {"；", "; "},
	"sort.file":               {"文件顺序", "file order"},
	"sort.region-asc":         {"地区↑", "region↑"},
	"sort.region-desc":        {"地区↓", "region↓"},
	"sort.year-desc":          {"年份↓", "year↓"},
	"sort.year-asc":           {"年份↑", "year↑"},
	"show.all":                {"全部", "all"},
	"show.unreviewed":         {"未审", "unreviewed"},
	"show.starred":            {"星标", "starred"},
	"show.flagged":            {"标错", "flagged"},
	"show.noted":              {"有笔记", "noted"},
	"errors.none":             {"所有文件都已读取，没有错误。", "Every file was read; no errors."},
	"report.whole":            {"（全文）", "(whole text)"},
	"report.year":             {"%d年", "%d"},
	"report.file":             {"文件：%s", "file: %s"},
	"report.notes":            {"提示：%s", "notes: %s"},
	"report.body-error":       {"无法读取正文：%s", "the text could not be read: %s"},
	"report.position":         {"%s · 行 %d/%d · %d%%", "%s · line %d/%d · %d%%"},
	"report.review-stale":     {"审阅已过期（正文已改）", "review stale (the text changed)"},
	"report.reviewed":         {"✓已审", "✓reviewed"},
	"report.note":             {"笔记：%s", "note: %s"},
	"report.reading":          {"正在读取正文…", "reading the text…"},
	"indicators.flag-prompt":  {"标错原因: ", "why it is wrong: "},
	"indicators.count":        {"%d 项指标", "%d indicators"},
	"indicators.none":         {"未找到指标", "no indicators found"},
	"indicators.flagged":      {"标错：%s", "flagged: %s"},
	"indicators.unread":       {"未读懂 %d 句：%s", "%d sentences not understood: %s"},
	"head.gdp":                {"GDP", "GDP"},
	"head.industry":           {"规上工业", "Industry"},
	"head.investment":         {"固投", "Invest."},
	"head.retail":             {"社零", "Retail"},
	"head.trade":              {"进出口", "Trade"},
	"head.revenue":            {"一般预算", "Revenue"},
	"head.income":             {"居民收入", "Income"},
	"targets.status":          {"%s · ←/→ 换指标 · %d 份报告 · 增速 %%，≥ 不低于/以上", "%s · ←/→ indicator · %d reports · growth %%, ≥ at least"},
	"targets.chart-head":      {"%s 目标增速（%%）", "%s target growth (%%)"},
	"targets.chart-status":    {"c 表格 · ←/→ 换指标 · %d 份报告", "c table · ←/→ indicator · %d reports"},
	"targets.none":            {"（未找到目标）", "(no targets found)"},
	"note.head":               {"笔记 · %s", "Note · %s"},
	"note.status":             {"%d 字 · %d 行", "%d characters · %d lines"},
	"note.conflict":           {"这条笔记在别处已改为「%s」：留哪一个？", "this note was changed elsewhere to “%s”: which to keep?"},
	"note.discard":            {"放弃修改？", "discard changes?"},
	"notice.state-memory":     {"审阅记录无法保存，只留在内存中：%s", "reviews cannot be saved, kept in memory only: %s"},
	"notice.quit-unsaved":     {"%d 项审阅修改未能保存（%s）：再按 %s 放弃并退出", "%d review changes not saved (%s): press %s again to discard them and quit"},
	"notice.note-unsaved":     {"笔记尚未保存：ctrl+s 保存，或再按 %s 放弃并退出", "the note is not saved: ctrl+s saves it, %s again discards it and quits"},
	"notice.quit-memory":      {"审阅记录只在内存中（无法写入状态文件）：再按 %s 退出，记录将丢失", "reviews are in memory only (the state file cannot be written): press %s again to quit and lose them"},

	// the command line
	"usage.main": {`baogao — 政府工作报告的终端浏览器

用法：
  baogao [PATH...]                          浏览报告（没有 PATH：内置样例）
  baogao targets [flags] [QUERY] [PATH...]  与 QUERY 相符的报告的计划年目标
  baogao track [flags] QUERY [INDICATOR] [PATH...]  一个地区历年的目标与实绩，是否完成
  baogao panel [flags] [PATH...]            全部地区 × 年份 × 指标的面板数据（CSV 或 JSON）
  baogao grep [flags] TERM [PATH...]        一个词在全部报告中逐年（或逐地区）出现多少次
  baogao export [flags] [PATH...]           提取的全部内容，JSON 或 CSV
  baogao review [flags] [PATH...]           审阅记录：已审、星标、标错、笔记
  baogao serve [flags] [PATH...]            通过 SSH 提供浏览器，团队共用一份报告集
  baogao help [COMMAND]                     本说明，或一个命令的选项

PATH 是文件或文件夹（递归读取）。QUERY 按地区或标题匹配，可用中文、全拼或拼音首字母：
长安、changan、ca 都能找到长安镇。选项可放在其他参数之前或之后。每个命令都接受
--lang zh|en（或环境变量 BAOGAO_LANG）。运行 'baogao help COMMAND' 查看命令的选项。

`, `baogao — a terminal browser for government work reports (政府工作报告)

Usage:
  baogao [PATH...]                          browse reports (no PATH: the embedded sample)
  baogao targets [flags] [QUERY] [PATH...]  plan-year targets of the reports matching QUERY
  baogao track [flags] QUERY [INDICATOR] [PATH...]  a region's targets and actuals over the years, met or not
  baogao panel [flags] [PATH...]            every region × year × indicator as a panel (CSV or JSON)
  baogao grep [flags] TERM [PATH...]        how often a term occurs in every report, by year (or region)
  baogao export [flags] [PATH...]           everything extracted, as JSON or CSV
  baogao review [flags] [PATH...]           the review state: reviewed, stars, flags, notes
  baogao serve [flags] [PATH...]            the browser over SSH, one corpus for a team
  baogao help [COMMAND]                     this text, or a command's flags

PATH is a file or a folder (read recursively). QUERY matches a region or title in Chinese,
full pinyin or pinyin initials: 长安, changan and ca all find 长安镇. Flags may come before or
after the other arguments. Every command takes --lang zh|en (or BAOGAO_LANG). Run
'baogao help COMMAND' for a command's flags.

`},
	"usage.browse": {`浏览：baogao [--east-asian-width] [--list] [--state PATH] [PATH...]

浏览 PATH 中的报告（文件或文件夹；没有则用内置样例）。在浏览器中按 ? 查看按键。
标准输出不是终端时，或用 --list 时，改为打印报告列表：地区、级别、年份、目标数和标题
（输出到管道时，数量打印在标准错误上）。

`, `Browsing: baogao [--east-asian-width] [--list] [--state PATH] [PATH...]

Browses the reports found in PATH (files or folders; none: the embedded sample). Press ? in the
browser for its keys. When stdout is not a terminal, or with --list, prints the report list
instead: region, level, year, number of targets and title (the count on stderr when piped).

`},
	"usage.export": {"用法：baogao export [--format json|csv|xlsx] [--bom] [PATH...]\n\n打印每份报告的元数据、章节和指标（字段见 docs/export.md）。\n\n", "Usage: baogao export [--format json|csv|xlsx] [--bom] [PATH...]\n\nPrints every report's metadata, sections and indicators (the fields: docs/export.md).\n\n"},
	"usage.review": {`用法：baogao review [--all] [--state PATH] [--format table|csv|json] [PATH...]

列出 PATH 中报告（没有则用内置样例）的审阅记录：每份报告是否已审、星标、标错及原因和
笔记。正文在审阅后改过的，标为过期。所有文件夹共用一份审阅记录：--all 也列出不在 PATH
中的报告的审阅（标为缺失）。

`, `Usage: baogao review [--all] [--state PATH] [--format table|csv|json] [PATH...]

Lists the review state of the reports in PATH (none: the embedded sample): per report whether it
is reviewed, its stars, flags with reasons and notes. Reviews of reports whose text changed since
are marked stale. The state is one for every folder you browse: --all lists the reviews of
reports not in PATH too (missing).

`},
	"usage.targets": {`用法：baogao targets [--format table|csv|json|xlsx] [--bom] [QUERY] [PATH...]

打印地区或标题与 QUERY 相符的每份报告的计划年目标——可用中文、全拼或拼音首字母（长安、
changan、ca 都能找到长安镇）；没有 QUERY 则列出每份报告的目标。没有 PATH 时读取内置样例。

`, `Usage: baogao targets [--format table|csv|json|xlsx] [--bom] [QUERY] [PATH...]

Prints the plan-year targets of every report whose region or title matches QUERY — Chinese,
full pinyin or pinyin initials (长安, changan and ca all find 长安镇); no QUERY lists every
report's targets. Without PATH it reads the embedded sample.

`},
	"usage.serve": {`用法：baogao serve [flags] [PATH...]

通过 SSH 提供浏览器：'ssh -p 2222 HOST' 打开浏览器，'ssh -p 2222 HOST targets 长安' 打印目标表
（export 和 review 亦可）。报告集（PATH 或内置样例）只载入一次，所有会话共用。只有
--authorized-keys 中的公钥可以连接，除非给出 --allow-any。

`, `Usage: baogao serve [flags] [PATH...]

Serves the browser over SSH: 'ssh -p 2222 HOST' opens it, 'ssh -p 2222 HOST targets 长安' prints
the targets table (also export and review). The corpus (PATH, or the embedded sample) is loaded once
and shared by every session. Only public keys in --authorized-keys may connect, unless --allow-any.

`},
	"usage.track":              {"用法：baogao track [--format table|csv|json] QUERY [INDICATOR] [PATH...]\n\n与 QUERY 相符的地区的历年表：每行一个指标，每列一年，单元格是该年的目标（取自该年的报告）与实绩（取自下一年报告的回顾）及是否完成：✓ 完成，★ 达到力争目标，✗ 未完成，? 无法比较。五年回顾中的数字不算某一年的实绩。INDICATOR 只留一个指标（名称或别名）。\n\n", "Usage: baogao track [--format table|csv|json] QUERY [INDICATOR] [PATH...]\n\nA region matching QUERY over the years: a row per indicator, a column per year, each cell the target set for the year (from that year's report) and the actual reported for it (from the next year's review), and whether it was met: ✓ met, ★ the stretch goal too, ✗ missed, ? not comparable. Figures of a five-year review are no single year's actual. INDICATOR keeps one indicator (a name or an alias).\n\n"},
	"usage.panel":              {"用法：baogao panel [--format csv|json|xlsx] [--bom] [PATH...]\n\n把全部报告写成研究者用的面板：每个地区 × 年份 × 指标一行，含区划代码、省、市、级别、目标与实绩的增速/数值/单位、是否完成，以及两句原文的文件和位置（列的说明见 docs/panel.md）。\n\n", "Usage: baogao panel [--format csv|json|xlsx] [--bom] [PATH...]\n\nWrites every report as the panel researchers use: a row per region × year × indicator with the division code, province, prefecture, level, target and actual growth/value/unit, whether it was met, and the file and offsets of both sentences (the columns: docs/panel.md).\n\n"},
	"usage.grep":               {"用法：baogao grep [--by year|region] [--format table|csv|json] TERM [PATH...]\n\n在每份报告的全文中数 TERM：含有它的句子数（TERM 中用空格分开的几个词须在同一句中），按年份（或地区）合计，并给出每份报告的平均次数——一个词逐年的走势。\n\n", "Usage: baogao grep [--by year|region] [--format table|csv|json] TERM [PATH...]\n\nCounts TERM in the full text of every report: the sentences holding it (several words of TERM, parted by spaces, must be in one sentence), summed by year (or region), with the hits per report — a term's trend over the years.\n\n"},
	"flag.grep-by":             {"按什么合计：year 或 region", "what to count by: year or region"},
	"flag.grep-stats":          {"在标准错误上打印搜索用时", "print the search's time on stderr"},
	"grep.stats":               {"搜索 %d 份报告：%.1f 毫秒，%d 份含该词", "searched %d reports: %.1f ms, %d with the term"},
	"cache.bodies-remap":       {"报告正文文件无法重新映射", "the report texts' file could not be mapped again"},
	"cli.grep-term":            {"要给出一个词（TERM）", "give a term (TERM)"},
	"col.reports":              {"报告", "Reports"},
	"col.with-term":            {"含该词", "With it"},
	"col.hits":                 {"次数", "Hits"},
	"col.per-report":           {"每份", "Per report"},
	"col.bar":                  {"走势", "Trend"},
	"cli.track-query":          {"要给出一个地区（QUERY）", "give a region (QUERY)"},
	"track.rule":               {"目标取自当年报告，实绩取自次年报告的回顾；增速为 %", "targets from the year's report, actuals from the next year's review; growth in %"},
	"usage.flags":              {"选项：", "Flags:"},
	"usage.default":            {"（默认 %s）", "(default %s)"},
	"flag.no-cache":            {"重新解析每个文件；不读也不写解析缓存", "parse every file again; do not read or write the parse cache"},
	"flag.east-asian-width":    {"把宽度不定的字符（“ ” … ·）算作两列", "count ambiguous-width characters (“ ” … ·) as two columns"},
	"flag.list":                {"打印报告列表，不打开浏览器", "print the report list instead of browsing"},
	"flag.state":               {"审阅记录文件（默认：你的那一份，所有文件夹共用，在 XDG 状态文件夹中）", "review state file (default: yours, one for every folder, in the XDG state folder)"},
	"flag.state-export":        {"要包含的审阅记录文件（默认：你的那一份，若存在）", "review state file to include (default: yours, when it exists)"},
	"flag.bom":                 {"在 CSV 前写入 UTF-8 字节顺序标记（Windows 上的 Excel 靠它读中文）", "write a UTF-8 byte-order mark before CSV (Excel on Windows needs it to read Chinese)"},
	"flag.format-xlsx":         {"输出格式：table、csv、json 或 xlsx", "output format: table, csv, json or xlsx"},
	"flag.format-panel":        {"输出格式：csv、json 或 xlsx", "output format: csv, json or xlsx"},
	"flag.format-export-xlsx":  {"输出格式：json、csv 或 xlsx", "output format: json, csv or xlsx"},
	"cli.xlsx-terminal":        {"xlsx 是文件：请重定向到文件（baogao %s --format xlsx … > out.xlsx）", "xlsx is a file: redirect it to one (baogao %s --format xlsx … > out.xlsx)"},
	"flag.format-table":        {"输出格式：table、csv 或 json", "output format: table, csv or json"},
	"flag.all":                 {"也列出不在 PATH 中的报告的审阅", "also list reviews of reports not in PATH"},
	"flag.listen":              {"监听地址", "address to listen on"},
	"flag.host-key":            {"ed25519 主机密钥，首次启动时创建（默认：XDG 数据文件夹）", "ed25519 host key, created on first start (default: XDG data folder)"},
	"flag.authorized-keys":     {"OpenSSH authorized_keys 文件；改动后重新读取", "OpenSSH authorized_keys file; re-read when it changes"},
	"flag.allow-any":           {"接受任何公钥（记录一条警告）", "accept any public key (logs a warning)"},
	"flag.max-sessions":        {"同时的会话数；再来的会被告知服务器已满", "sessions at once; the next is told the server is full"},
	"flag.idle-timeout":        {"连接无任何往来这么久就关闭", "close a connection nothing has crossed for this long"},
	"flag.login-timeout":       {"连接登录的时限（OpenSSH 的 LoginGraceTime）", "time a connection has to log in (OpenSSH's LoginGraceTime)"},
	"flag.max-startups":        {"同时登录中的连接数；超出的被拒绝（OpenSSH 的 MaxStartups）", "connections logging in at once; more are refused (OpenSSH's MaxStartups)"},
	"flag.state-serve":         {"审阅记录的文件夹，每个用户一个文件（默认：XDG 状态文件夹）", "folder of the review state, one file per user (default: XDG state folder)"},
	"cli.lang-missing":         {"--lang 需要一个值：zh 或 en", "--lang needs a value: zh or en"},
	"cli.lang-unknown":         {"--lang %q：只有 zh 和 en", "--lang %q: zh and en only"},
	"cli.no-serve":             {"serve 不能从这里运行（通过 SSH，或没有接入服务器）", "serve is not run from here (over SSH, or without the server wired in)"},
	"cli.unknown-command":      {"未知命令 %q", "unknown command %q"},
	"cli.unknown-command-help": {"未知命令 %q；baogao help 列出所有命令", "unknown command %q; baogao help lists them"},
	"cli.unknown-command-near": {"未知命令 %q（是不是 %s？）；baogao help 列出所有命令", "unknown command %q (did you mean %s?); baogao help lists them"},
	"cli.unknown-format":       {"未知格式 %q（%s）", "unknown format %q (%s)"},
	"cli.no-state-remote":      {"通过 SSH 不接受 --state", "--state is not taken over SSH"},
	"cli.no-paths-remote":      {"通过 SSH 不接受路径；使用服务器提供的报告集", "paths are not taken over SSH; the served corpus is used"},
	"cli.cache-unused":         {"未使用解析缓存：%v", "parse cache not used: %v"},
	"cli.nothing-loaded":       {"没有能载入的报告", "no reports could be loaded"},
	"cli.count":                {"%d 份报告", "%d reports"},
	"cli.count-errors":         {"%d 份报告，%d 个文件无法读取", "%d reports, %d files could not be read"},
	"cli.export-without-state": {"%v（导出时不含审阅记录）", "%v (exporting without review state)"},
	"cli.no-match":             {"没有与 %q 相符的报告", "no report matches %q"},
	"cli.reviews-elsewhere":    {"另有 %d 条审阅属于不在这些文件夹中的报告（--all 列出它们）", "%d more reviews are of reports not in these folders (--all lists them)"},
	"cli.state-unopened":       {"无法打开你的审阅记录", "your review state could not be opened"},
	"cli.state-unopened-why":   {"无法打开你的审阅记录：%v", "your review state could not be opened: %v"},
	"review.flags":             {"标错：%s", "flags: %s"},
	"review.notes":             {"笔记：%s", "notes: %s"},
	"review.labelled":          {"%s：%s", "%s: %s"},

	// serving
	"serve.no-keys":         {"没有 --authorized-keys：拒绝向任何来者提供服务（确要如此，请给出 --allow-any）", "no --authorized-keys: refusing to serve to anyone who asks (give --allow-any to do that on purpose)"},
	"serve.not-positive":    {"--login-timeout、--max-startups 和 --max-sessions 必须为正数", "--login-timeout, --max-startups and --max-sessions must be positive"},
	"serve.host-key-dir":    {"主机密钥（请给出 --host-key）：%v", "host key (give --host-key): %v"},
	"serve.host-key-mode":   {"主机密钥 %s 可被他人读取（权限 %04o）：请运行 chmod 600 %s", "host key %s is readable by others (mode %04o): run chmod 600 %s"},
	"serve.host-key":        {"主机密钥 %s：%v", "host key %s: %v"},
	"serve.authorized-keys": {"authorized keys：%v", "authorized keys: %v"},
	"serve.authorized-key":  {"authorized keys %s：密钥 %q：%v", "authorized keys %s: key %q: %v"},
	"serve.full":            {"服务器已满，请稍后再试", "server full, try again later"},
	"serve.internal":        {"内部错误；会话已关闭", "internal error; the session was closed"},
	"serve.unknown-command": {"未知命令 %q（targets、export、review）", "unknown command %q (targets, export, review)"},
	"serve.no-pty":          {"请运行一个命令（targets、export、review）或用终端连接（ssh -t）", "run a command (targets, export, review) or connect with a terminal (ssh -t)"},
	"serve.commands-only":   {"这个密钥只能运行命令（no-pty）：targets、export、review", "this key may run commands only (no-pty): targets, export, review"},
	"serve.clamped":         {"终端尺寸过大，已按 %s 显示", "terminal too large: shown at %s"},
	"keys.quotes":           {"选项 %s：值必须放在双引号中", "option %s: the value must be in double quotes"},
	"keys.from-empty":       {"选项 from：没有模式", "option from: no pattern"},
	"keys.command-plain":    {"选项 command=%q：只能强制一个普通的服务命令（targets、export、review 及其参数）", "option command=%q: only a plain served command (targets, export, review and its words) can be forced"},
	"keys.command-other":    {"选项 command=%q：baogao serve 只运行 targets、export 和 review", "option command=%q: baogao serve runs only targets, export and review"},
	"keys.unknown-option":   {"选项 %q 不是 baogao serve 支持的（支持 from、expiry-time、no-pty、pty、restrict、command 和各个 no-*-forwarding）", "option %q is not one baogao serve honours (it honours from, expiry-time, no-pty, pty, restrict, command and the no-*-forwarding ones)"},
	"keys.expiry":           {"选项 expiry-time=%q：应为 YYYYMMDD[HHMM[SS]][Z]", "option expiry-time=%q: want YYYYMMDD[HHMM[SS]][Z]"},
	"keys.expired":          {"密钥已过期", "key expired"},
	"keys.from-denied":      {"from= 不允许这个地址", "address not allowed by from="},

	// loading: kept in English in the data (the export's warnings and errors), said in Chinese on
	// screen by matching these English forms
	"load.no-such-file":         {"没有这个文件或文件夹", "no such file or folder"},
	"load.permission":           {"没有权限", "permission denied"},
	"load.server-file":          {"已跳过：服务器自己的文件（主机密钥、authorized keys 或审阅记录）", "skipped: the server's own file (host key, authorized keys or review state)"},
	"load.broken-link":          {"符号链接失效或成环", "broken or looping symbolic link"},
	"load.link-out":             {"已跳过：通向服务文件夹之外的符号链接", "skipped: a symbolic link that leads out of the served folders"},
	"load.not-regular":          {"不是普通文件", "not a regular file"},
	"load.link-loop":            {"已跳过：符号链接成环（文件夹已读过）", "skipped: symbolic link loop (folder already read)"},
	"load.internal":             {"解析时出现内部错误：%v", "internal error while parsing: %v"},
	"load.changed":              {"%s：载入后在磁盘上改过；请重新启动 baogao 以重新载入", "%s: changed on disk since it was loaded; start baogao again to reload"},
	"cache.rebuilding":          {"%v（正在重建）", "%v (rebuilding it)"},
	"cache.bodies-unsaved":      {"报告正文未保存（全文搜索将重新读取文件）：%v", "report texts not kept (a full-text search reads the files again): %v"},
	"cache.not-saved":           {"解析缓存未保存：%v", "parse cache not saved: %v"},
	"cache.unused":              {"缓存 %s 未使用：%v", "cache %s not used: %v"},
	"cache.partly":              {"缓存 %s 部分未使用：%v", "cache %s partly not used: %v"},
	"cache.partly-reports":      {"缓存 %s 部分未使用：%d 份报告损坏", "cache %s partly not used: %d damaged reports"},
	"cache.export-partly":       {"导出缓存 %s 部分未使用：%d 份损坏", "export cache %s partly not used: %d damaged"},
	"cache.export-unused":       {"导出缓存 %s 未使用：%v", "export cache %s not used: %v"},
	"cache.corrupt":             {"已损坏（校验和或结构）", "corrupt (checksum or structure)"},
	"cache.other-version":       {"不是这个版本的 baogao 缓存", "not a baogao cache of this version"},
	"parse.too-large":           {"文件过大（%.1f MB；上限 %d MB）", "too large (%.1f MB; the limit is %d MB)"},
	"parse.too-much-text":       {"文字过多（解开后 %.1f MB；上限 %d MB）", "too much text (%.1f MB after unpacking; the limit is %d MB)"},
	"parse.only-boilerplate":    {"去掉网页模板后没有剩下报告正文", "no report text left after removing web boilerplate"},
	"parse.not-a-report":        {"不是工作报告（没有年份、地名、部分标题、数字或对代表的称呼）", "not a work report (no year, place, part headings, figures or address to the deputies)"},
	"parse.unsupported":         {"不支持的格式：%s；请另存为 .docx、.html 或文本", "unsupported format: %s; save it as .docx, .html or text"},
	"parse.unsupported-archive": {"不支持的格式：%s；请解压后打开文件夹", "unsupported format: %s; unpack it and open the folder"},
	"parse.damaged-zip":         {"zip 文件已损坏（%s）", "damaged zip file (%s)"},
	"zip.invalid":               {"不是有效的 zip 结构", "not a valid zip structure"},
	"format.png":                {"图片（PNG）", "image (PNG)"},
	"format.jpeg":               {"图片（JPEG）", "image (JPEG)"},
	"format.gif":                {"图片（GIF）", "image (GIF)"},
	"format.tiff":               {"图片（TIFF）", "image (TIFF)"},
	"format.webp":               {"图片（WebP）", "image (WebP)"},
	"format.rar":                {"RAR 压缩包", "RAR archive"},
	"format.7z":                 {"7-Zip 压缩包", "7-Zip archive"},
	"format.gzip":               {"gzip 压缩包", "gzip archive"},
	"format.bzip2":              {"bzip2 压缩包", "bzip2 archive"},
	"format.xz":                 {"xz 压缩包", "xz archive"},
	"format.tar":                {"tar 压缩包", "tar archive"},
	"format.zip":                {"zip 压缩包", "zip archive"},
	"format.rtf":                {"RTF 文档", "RTF document"},
	"format.wps":                {"WPS Office 文档（%s）", "WPS Office document (%s)"},
	"format.xls":                {"旧版 Excel 工作簿（.xls）", "legacy Excel workbook (.xls)"},
	"format.ppt":                {"旧版 PowerPoint 文件（.ppt）", "legacy PowerPoint file (.ppt)"},
	"format.doc":                {"旧版 Word 文档（.doc）", "legacy Word document (.doc)"},
	"format.ole":                {"旧版 Office 文档（OLE）", "legacy Office document (OLE)"},
	"format.xlsx":               {"Excel 工作簿（.xlsx）", "Excel workbook (.xlsx)"},
	"format.pptx":               {"PowerPoint 文件（.pptx）", "PowerPoint file (.pptx)"},
	"format.odt":                {"OpenDocument 文件（.odt）", "OpenDocument file (.odt)"},
	"text.too-big":              {"解开后超过大小上限（zip 炸弹？）", "inflates past the size limit (zip bomb?)"},
	"text.empty":                {"空文件", "empty file"},
	"text.binary":               {"不是文本文档（二进制内容）", "not a text document (binary content)"},
	"text.no-text":              {"不是文本文档（既不是 UTF-8 也不是 GB18030 文本）", "not a text document (neither UTF-8 nor GB18030 text)"},
	"text.decode-failed":        {"不是文本文档（%s 解码失败：%v）", "not a text document (%s decoding failed: %v)"},
	"pdf.text":                  {"读取 PDF 需要 pdftotext：请安装 poppler-utils（apt install poppler-utils、brew install poppler），或转换为 .txt 后打开", "reading a PDF needs pdftotext: install poppler-utils (apt install poppler-utils, brew install poppler), or convert it to .txt"},
	"pdf.scanned":               {"扫描版 PDF（页面是图片，没有文字层）：需先 OCR，baogao 才能读取", "scanned PDF (pages are images, no text layer): it needs OCR before baogao can read it"},
	"web.unreadable":            {"网页无法读取：%v", "web page could not be read: %v"},
	"web.no-article":            {"网页没有正文", "web page has no article text"},
	"mhtml.damaged":             {"MHTML 文件已损坏（%v）", "damaged MHTML file (%v)"},
	"mhtml.content-type":        {"MHTML 文件已损坏（内容类型：%v）", "damaged MHTML file (content type: %v)"},
	"mhtml.no-page":             {"MHTML 文件中没有网页", "MHTML file holds no web page"},
	"mhtml.part-too-big":        {"MHTML 文件已损坏（网页部分%v）", "damaged MHTML file (page part %v)"},
	"docx.damaged":              {"Word 文件已损坏（%s）", "damaged Word file (%s)"},
	"docx.no-document":          {"Word 文件已损坏（没有 word/document.xml）", "damaged Word file (no word/document.xml)"},
	"docx.no-text":              {"Word 文件中没有文字", "the Word file has no text"},
	"docx.part":                 {"Word 文件已损坏（%s：%v）", "damaged Word file (%s: %v)"},
	"from.html":                 {"网页（只取正文）", "a web page (article text only)"},
	"from.mhtml":                {"存为单个文件的网页（MHTML，只取正文）", "a web page saved as one file (MHTML, article text only)"},
	"from.pdf":                  {"PDF（经 pdftotext 提取文字）", "a PDF (its text by pdftotext)"},
	"pdf.failed":                {"pdftotext 无法读取这个 PDF：%s", "pdftotext could not read this PDF: %s"},
	"pdf.timeout":               {"pdftotext 超时（%d 秒）", "pdftotext took longer than %d s"},
	"pdf.too-much":              {"pdftotext 给出的文字过多（上限 %d MB）", "pdftotext gave too much text (the limit is %d MB)"},
	"from.docx":                 {"Word 文档（.docx）", "a Word document (.docx)"},
	"warn.read-from":            {"读自%s", "read from %s"},
	"warn.decoded":              {"按 %s 解码", "decoded from %s"},
	"warn.dropped-bytes":        {"丢弃无效 UTF-8 字节 %d 个（源文件中有字符被截断）", "invalid UTF-8 bytes dropped: %d (characters cut in the source)"},
	"warn.page-markers":         {"去掉页码标记 %d 处", "page markers removed: %d"},
	"warn.rejoined":             {"接回断行 %d 处", "broken lines rejoined: %d"},
	"warn.text-before":          {"去掉第一份报告之前的文字 %d 行", "text before the first report dropped: %d lines"},
	"warn.repeated":             {"去掉重复的报告副本 %d 份", "repeated copy of the report dropped: %d"},
	"warn.boilerplate":          {"去掉网页模板 %d 行", "web boilerplate removed: %d lines"},
	"warn.scraper-header":       {"去掉抓取头信息 %d 行", "scraper header removed: %d lines"},
	"warn.no-headings":          {"没有找到章节标题", "no section headings found"},
	"warn.unread":               {"未读懂目标 %d 句（%s）", "goals not understood: %d (%s)"},
	"xdg.no-home":               {"没有主文件夹（请设置 %s）：%v", "no home folder (set %s): %v"},
	"notice.saved":              {"审阅记录已保存", "review state saved"},
	"warn.no-targets":           {"没有找到目标", "no targets found"},

	// the review state
	"state.locked":        {"无法锁定 %s：被另一个进程占用", "cannot lock %s: held by another process"},
	"state.lock-failed":   {"无法锁定 %s：%v", "cannot lock %s: %v"},
	"state.no-dir":        {"审阅记录（请设置 --state）：%v", "review state (set --state): %v"},
	"state.legacy-unread": {"旧的审阅记录 %s 无法读取；保持原样", "earlier review state %s could not be read; left as it is"},
	"state.legacy-merged": {"%s 的审阅已并入 %s", "reviews of %s taken into %s"},
	"state.unreadable":    {"审阅记录 %s：%v", "review state %s: %v"},
	"state.no-version":    {"没有版本号", "no version"},
	"state.stuck":         {"审阅记录 %s 无法读取（%v），也无法移到一旁：%v", "review state %s cannot be read (%v) and cannot be set aside: %v"},
	"state.set-aside":     {"审阅记录 %s 无法读取（%v）：已保留为 %s；从空记录开始", "review state %s could not be read (%v): kept as %s; starting empty"},
	"state.not-saved":     {"审阅记录未保存（%d 项修改留在内存中）：%v", "review state not saved (%d changes kept in memory): %v"},
	"state.note-conflict": {"这条笔记打开后在别处被改过；未保存", "the note was changed elsewhere since it was opened; not saved"},
}
