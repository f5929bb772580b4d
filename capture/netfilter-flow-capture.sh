#!/bin/sh
# Netfilter Flow capture: a read-only snapshot of this host's network, one JSON document
# (schema netfilter-flow/snapshot@1, described in docs/snapshot-format.md).
#
#   sh netfilter-flow-capture.sh [--redact] [-o FILE]
#
# It only reads: ip, bridge, iptables-nft-save, iptables-legacy-save, ebtables-save, nft, ipset,
# /proc/sys and /proc/net. It never loads a module, writes a sysctl or touches a ruleset: a tool that
# would make the kernel load a module (nft, ipset and the *-save tools on a kernel without nf_tables,
# ip_set or the legacy tables) is not run, and the snapshot says why. Run it as root to read the
# rulesets; as another user it records which tools were refused. Its only write is a private
# temporary directory, removed on exit. POSIX sh (dash, busybox sh) and awk only.

LC_ALL=C
export LC_ALL
PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin
export PATH

usage() {
	cat <<'USAGE'
usage: netfilter-flow-capture.sh [--redact] [-o FILE]
  Prints a read-only snapshot of this host's network (interfaces, addresses, routes, rules,
  sysctls, iptables/ebtables/nftables rulesets, ipsets, listening ports) as one JSON document.
  --redact   replace IPv4, IPv6 and MAC addresses (consistently) and the host name, for
             sharing; interface names, set names and rule comments are kept
  -o FILE    write the snapshot to FILE instead of standard output
USAGE
}

redact=0
output=
while [ $# -gt 0 ]; do
	case $1 in
	--redact) redact=1 ;;
	-o | --output)
		[ $# -ge 2 ] || { usage >&2; exit 2; }
		output=$2
		shift ;;
	-h | --help) usage; exit 0 ;;
	*) echo "netfilter-flow-capture.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
	esac
	shift
done

work=
for base in "${TMPDIR:-/tmp}" /tmp /dev/shm /var/tmp; do
	work=$(umask 077 && mktemp -d "$base/netfilter-flow.XXXXXX" 2>/dev/null) && break
	work=
done
if [ -z "$work" ]; then
	echo "netfilter-flow-capture.sh: no writable temporary directory (tried \$TMPDIR, /tmp, /dev/shm, /var/tmp)" >&2
	exit 1
fi
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- JSON in awk ----------------------------------------------------------------------------
# One awk program: mode=string prints its input as a JSON string; mode=value prints it as it is
# when it is one valid JSON value, else as a string. Lines are joined with \n (each line ends in one).
# Invalid UTF-8 becomes U+FFFD, so the document is always valid UTF-8.
cat >"$work/json.awk" <<'AWK'
BEGIN {
	for (i = 1; i < 256; i++) { ch = sprintf("%c", i); ORD[ch] = i; CHR[i] = ch }
	for (i = 1; i < 32; i++) ESC[i] = sprintf("\\u%04x", i)
	ESC[8] = "\\b"; ESC[9] = "\\t"; ESC[10] = "\\n"; ESC[12] = "\\f"; ESC[13] = "\\r"
	CTRL = "["; for (i = 1; i < 32; i++) CTRL = CTRL CHR[i]; CTRL = CTRL CHR[127] "]"
	HIGH = "[" CHR[128] "-" CHR[255] "]"
	ESC[127] = "\\u007f"
	n = 0; valid = 1; expect = "value"; depth = 0; stack = ""
}
function repl(s, from, to,   out, i) {
	out = ""
	while ((i = index(s, from)) > 0) { out = out substr(s, 1, i - 1) to; s = substr(s, i + length(from)) }
	return out s
}
# s with every invalid UTF-8 sequence replaced by U+FFFD
function utf8(s,   out, i, b, k, need, lo, hi, ok, j, c) {
	if (!match(s, HIGH)) return s
	out = ""; i = 1
	while (i <= length(s)) {
		b = ORD[substr(s, i, 1)]
		if (b < 128) { out = out substr(s, i, 1); i++; continue }
		need = 0; lo = 128; hi = 191
		if (b >= 194 && b <= 223) need = 1
		else if (b >= 224 && b <= 239) { need = 2; if (b == 224) lo = 160; if (b == 237) hi = 159 }
		else if (b >= 240 && b <= 244) { need = 3; if (b == 240) lo = 144; if (b == 244) hi = 143 }
		ok = need > 0
		for (j = 1; ok && j <= need; j++) {
			c = ORD[substr(s, i + j, 1)]
			if (c < (j == 1 ? lo : 128) || c > (j == 1 ? hi : 191)) ok = 0
		}
		if (ok) { out = out substr(s, i, need + 1); i += need + 1 }
		else { out = out CHR[239] CHR[191] CHR[189]; i++ }
	}
	return out
}
function escape(s,   i) {
	s = repl(s, "\\", "\\\\"); s = repl(s, "\"", "\\\"")
	if (match(s, CTRL)) for (i = 1; i <= 127; i++) if (i in ESC && index(s, CHR[i])) s = repl(s, CHR[i], ESC[i])
	return utf8(s)
}
function fail() { valid = 0 }
function after_value() { expect = depth == 0 ? "done" : "comma" }
function push(kind) {
	if (++depth > 512) { fail(); return }
	stack = stack kind
	expect = kind == "o" ? "key_or_end" : "value_or_end"
}
function pop(kind) {
	if (depth == 0 || substr(stack, depth, 1) != kind) { fail(); return }
	stack = substr(stack, 1, --depth); after_value()
}
# the JSON text outside strings: structure, numbers, literals
function bare(p,   c) {
	while (valid && p != "") {
		if (match(p, /^[ \t\r]+/)) { p = substr(p, RLENGTH + 1); continue }
		c = substr(p, 1, 1)
		if (c == "{" || c == "[") { if (expect != "value" && expect != "value_or_end") return fail(); push(c == "{" ? "o" : "a"); p = substr(p, 2); continue }
		if (c == "}") { if (expect != "key_or_end" && expect != "comma") return fail(); pop("o"); p = substr(p, 2); continue }
		if (c == "]") { if (expect != "value_or_end" && expect != "comma") return fail(); pop("a"); p = substr(p, 2); continue }
		if (c == ":") { if (expect != "colon") return fail(); expect = "value"; p = substr(p, 2); continue }
		if (c == ",") { if (expect != "comma") return fail(); expect = substr(stack, depth, 1) == "o" ? "key" : "value"; p = substr(p, 2); continue }
		if (expect != "value" && expect != "value_or_end") return fail()
		if (match(p, /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/) || match(p, /^(true|false|null)/)) {
			p = substr(p, RLENGTH + 1)
			if (p != "" && match(p, /^[0-9A-Za-z.+-]/)) return fail()
			after_value(); continue
		}
		return fail()
	}
}
function string_token(t) {
	if (match(t, CTRL)) return fail()
	gsub(/\\(["\\\/bfnrt]|u[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F])/, "", t)
	if (index(t, "\\")) return fail()
	if (expect == "key" || expect == "key_or_end") expect = "colon"
	else if (expect == "value" || expect == "value_or_end") after_value()
	else fail()
}
function validate(line,   parts, k, i, t, instr) {
	if (utf8(line) != line) return fail()
	k = split(line, parts, "\"")
	instr = 0
	for (i = 1; valid && i <= k; i++) {
		if (!instr) { bare(parts[i]); instr = 1; continue }
		t = parts[i]
		while (match(t, /\\+$/) && RLENGTH % 2 == 1 && i < k) t = t "\"" parts[++i]
		# no quote after the last part: the line ended inside a string
		if (i == k) return fail()
		string_token(t); instr = 0
	}
}
{ L[++n] = $0; if (mode == "value" && valid) validate($0) }
END {
	if (mode == "value" && valid && n > 0 && expect == "done") {
		for (i = 1; i <= n; i++) printf "%s%s", L[i], (i < n ? "\n" : "")
		exit
	}
	printf "\""
	for (i = 1; i <= n; i++) printf "%s\\n", escape(L[i])
	printf "\""
}
AWK

json_file() { awk -v mode=string -f "$work/json.awk" "$1"; }
json_value_file() { awk -v mode=value -f "$work/json.awk" "$1"; }
json_text() { printf '%s' "$1" | awk -v mode=string -f "$work/json.awk" | sed 's/\\n"$/"/'; }

# --- running the tools ------------------------------------------------------------------------

# loaded MODULE: true when the kernel has MODULE (or cannot load modules at all), so asking it
# through netlink cannot make the kernel load it
loaded() {
	[ -r /proc/modules ] || return 0
	grep -q "^$1 " /proc/modules 2>/dev/null && return 0
	[ -d "/sys/module/$1" ]
}

# record NAME KIND COMMAND...: runs COMMAND, writes "NAME": {command, status, [message], output}
# to the document; KIND json embeds the output as JSON when it parses, text as a string
sep=
record() {
	name=$1 kind=$2
	shift 2
	printf '%s\n    %s: {"command": %s, ' "$sep" "$(json_text "$name")" "$(json_text "$*")" >>"$work/commands"
	sep=,
	if ! command -v "$1" >/dev/null 2>&1; then
		printf '"status": "missing"}' >>"$work/commands"
		return
	fi
	"$@" >"$work/out" 2>"$work/err" </dev/null
	rc=$?
	status=ok
	if [ "$rc" -ne 0 ]; then
		if grep -qi 'permission denied\|operation not permitted\|must be root\|are you root' "$work/err"; then
			status="permission denied"
		else
			status=error
		fi
	fi
	printf '"status": "%s", "exitCode": %d' "$status" "$rc" >>"$work/commands"
	if [ -s "$work/err" ]; then
		printf ', "message": %s' "$(json_file "$work/err" | sed 's/\\n"$/"/')" >>"$work/commands"
	fi
	if [ "$status" = ok ] || [ -s "$work/out" ]; then
		case $kind in
		json) printf ', "output": ' >>"$work/commands"; json_value_file "$work/out" >>"$work/commands" ;;
		*) printf ', "output": ' >>"$work/commands"; json_file "$work/out" >>"$work/commands" ;;
		esac
		case $name in
		*tables*-save) printf ', "rules": %d' "$(grep -c '^-A ' "$work/out")" >>"$work/commands" ;;
		esac
	fi
	printf '}' >>"$work/commands"
}

# skipped NAME REASON COMMAND...: a tool not run, and why
skipped() {
	name=$1 reason=$2
	shift 2
	printf '%s\n    %s: {"command": %s, "status": "skipped", "message": %s}' "$sep" "$(json_text "$name")" \
		"$(json_text "$*")" "$(json_text "$reason")" >>"$work/commands"
	sep=,
}

: >"$work/commands"
record ip-link json ip -d -j link show
record ip-addr json ip -j addr show
record ip-route json ip -j route show table all
record ip-rule json ip -j rule show
record bridge-link json bridge -j link show
record bridge-fdb json bridge -j fdb show

# a host with iptables 1.4/1.6 (or one variant only) has a plain iptables-save: iptables -V says which
ipt_nft=iptables-nft-save ipt_legacy=iptables-legacy-save
if command -v iptables-save >/dev/null 2>&1; then
	if iptables -V 2>/dev/null | grep -q nf_tables; then
		command -v iptables-nft-save >/dev/null 2>&1 || ipt_nft=iptables-save
	else
		command -v iptables-legacy-save >/dev/null 2>&1 || ipt_legacy=iptables-save
	fi
fi
nf_tables_reason="nf_tables is not loaded: asking would make the kernel load it, and no nftables rule can exist"
if loaded nf_tables; then
	record iptables-nft-save text "$ipt_nft"
	record ebtables-save text ebtables-save
	record nft json nft -j list ruleset
else
	skipped iptables-nft-save "$nf_tables_reason" "$ipt_nft"
	skipped ebtables-save "$nf_tables_reason" ebtables-save
	skipped nft "$nf_tables_reason" nft -j list ruleset
fi
# iptables-legacy-save reads the tables named there; asking for others would load their modules
if [ ! -e /proc/net/ip_tables_names ]; then
	skipped iptables-legacy-save "no legacy iptables table exists (ip_tables is not loaded)" "$ipt_legacy"
elif [ ! -r /proc/net/ip_tables_names ]; then
	printf '%s\n    "iptables-legacy-save": {"command": "%s", "status": "permission denied", "message": "/proc/net/ip_tables_names is not readable"}' "$sep" "$ipt_legacy" >>"$work/commands"
	sep=,
# (a /proc file has no size: read it)
elif ! grep -q . /proc/net/ip_tables_names 2>/dev/null; then
	skipped iptables-legacy-save "no legacy iptables table exists (/proc/net/ip_tables_names is empty)" "$ipt_legacy"
else
	record iptables-legacy-save text "$ipt_legacy"
fi
# ebtables-legacy-save lists the loaded ebtable_* modules' tables
if grep -q '^ebtable_' /proc/modules 2>/dev/null; then
	record ebtables-legacy-save text ebtables-legacy-save
else
	skipped ebtables-legacy-save "no legacy ebtables table module is loaded" ebtables-legacy-save
fi
if loaded ip_set; then
	record ipset text ipset save
else
	skipped ipset "ip_set is not loaded: asking would make the kernel load it, and no set can exist" ipset save
fi
# ss asks sock_diag, which loads inet_diag on demand; the listening ports come from /proc/net anyway
if loaded inet_diag; then
	record ss text ss -lntuH
else
	skipped ss "inet_diag is not loaded: asking would make the kernel load it (the ports come from /proc/net)" ss -lntuH
fi

# --- sysctls: read from /proc/sys ---------------------------------------------------------------
ssep=
sysctl_entry() {
	key=$1 file=/proc/sys/$(printf '%s' "$1" | tr . /)
	[ -n "${2:-}" ] && file=$2
	if [ -r "$file" ]; then
		value=$(cat "$file" 2>/dev/null) || value=
		printf '%s\n    %s: %s' "$ssep" "$(json_text "$key")" "$(json_text "$value")" >>"$work/sysctl"
	else
		printf '%s\n    %s: null' "$ssep" "$(json_text "$key")" >>"$work/sysctl"
	fi
	ssep=,
}
: >"$work/sysctl"
sysctl_entry net.ipv4.ip_forward
for dir in /proc/sys/net/ipv4/conf/*; do
	[ -d "$dir" ] || continue
	dev=${dir##*/}
	# a device name with a dot is written with a slash in sysctl's names (eth0.100 -> eth0/100)
	key_dev=$(printf '%s' "$dev" | tr . /)
	for leaf in forwarding rp_filter route_localnet src_valid_mark accept_local; do
		sysctl_entry "net.ipv4.conf.$key_dev.$leaf" "$dir/$leaf"
	done
done
for leaf in bridge-nf-call-iptables bridge-nf-call-ip6tables bridge-nf-call-arptables; do
	sysctl_entry "net.bridge.$leaf"
done
sysctl_entry net.netfilter.nf_conntrack_tcp_be_liberal
sysctl_entry net.netfilter.nf_conntrack_tcp_loose

# --- listening sockets: /proc/net/{tcp,udp}{,6} -------------------------------------------------
# a TCP socket in state 0A (LISTEN), a UDP socket bound with no peer; "listen" holds those reachable
# from outside, "listenLoopback" those bound to 127.0.0.0/8 or ::1 only
for proto in tcp udp; do
	for file in /proc/net/$proto /proc/net/${proto}6; do
		[ -r "$file" ] && awk -v proto=$proto 'NR > 1 {
			split($2, local, ":"); split($3, remote, ":")
			if (proto == "tcp" && $4 != "0A") next
			if (proto == "udp" && remote[2] != "0000") next
			port = 0; hex = "0123456789ABCDEF"
			for (i = 1; i <= 4; i++) port = port * 16 + index(hex, toupper(substr(local[2], i, 1))) - 1
			a = local[1]
			loop = (length(a) == 8 && substr(a, 7, 2) == "7F") || a == "00000000000000000000000001000000"
			print (loop ? "L " : "O ") proto "/" port
		}' "$file"
	done
done 2>/dev/null | sort -u >"$work/listen"
list_json() {
	awk -v want="$1" '$1 == want { out = out (out == "" ? "" : ", ") "\"" $2 "\"" } END { printf "[%s]", out }' "$work/listen"
}
# a port open to the outside is not also listed as loopback-only
awk '$1 == "O" { seen[$2] = 1; print; next } { rest[$2] = 1 } END { for (p in rest) if (!(p in seen)) print "L " p }' \
	"$work/listen" | sort -t/ -k1,1 -k2n >"$work/listen2" && mv "$work/listen2" "$work/listen"

# --- the document ---------------------------------------------------------------------------------
host=$(uname -n 2>/dev/null || cat /proc/sys/kernel/hostname 2>/dev/null)
{
	printf '{\n  "schema": "netfilter-flow/snapshot@1",\n'
	printf '  "capturedAt": %s,\n' "$(json_text "$(date -u +%Y-%m-%dT%H:%M:%SZ)")"
	printf '  "redacted": %s,\n' "$([ "$redact" = 1 ] && echo true || echo false)"
	printf '  "host": {"hostname": %s, "kernel": %s, "machine": %s, "uid": %s},\n' "$(json_text "$host")" \
		"$(json_text "$(uname -r 2>/dev/null)")" "$(json_text "$(uname -m 2>/dev/null)")" "$(id -u 2>/dev/null || echo null)"
	printf '  "commands": {'
	cat "$work/commands"
	printf '\n  },\n  "sysctl": {'
	cat "$work/sysctl"
	printf '\n  },\n  "listen": %s,\n  "listenLoopback": %s\n}\n' "$(list_json O)" "$(list_json L)"
} >"$work/snapshot.json"

if [ "$redact" = 1 ]; then
# --- --redact ---------------------------------------------------------------------------------------
# IPv4: the outermost network of the snapshot (an address's prefix, a route, a rule's /N; else the
# address alone) that holds an address gets a new network of the same size in 10.0.0.0/8 (then
# 240.0.0.0/8 to 254.0.0.0/8), never one the snapshot uses; the bits below it are kept, so a subnet
# stays a subnet, a gateway stays in it, .0 and .255 stay network and broadcast, and a prefix length
# stays. 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4 (multicast), 255.255.255.255 and
# prefixes shorter than /8 are kept. IPv6: each /64 network becomes 2001:db8:N:M::/64 (a
# link-local one stays fe80::), each interface half 1:0:N:M (one with three zero groups, ::1 or
# ::53, stays); ::, ::1 and multicast stay. MAC: each unicast address becomes 02:00:00:xx:xx:xx;
# multicast, broadcast and zero MACs are kept. The host name (and its first label) becomes
# redacted-host. The document is read in records split at commas, so no line is scanned twice.
cat >"$work/redact.awk" <<'AWK'
BEGIN {
	RS = ","
	# addresses are integers beyond 2^31: never let them become %.6g in a key or a string
	CONVFMT = "%.0f"; OFMT = "%.0f"
	for (l = 0; l <= 32; l++) { P[l] = 1; for (i = l; i < 32; i++) P[l] *= 2 }
	IP = "[0-9][0-9]?[0-9]?[.][0-9][0-9]?[0-9]?[.][0-9][0-9]?[0-9]?[.][0-9][0-9]?[0-9]?"
	H = "[0-9A-Fa-f][0-9A-Fa-f]?"
	MAC = H ":" H ":" H ":" H ":" H ":" H
	TOKEN = IP "|" MAC "|[0-9A-Fa-f]*:[0-9A-Fa-f]*:"
	npool = 16; pstart[1] = 167772160; pend[1] = 184549376
	for (i = 2; i <= npool; i++) { pstart[i] = (238 + i) * 16777216; pend[i] = pstart[i] + 16777216 }
	short = host; sub(/[.].*/, "", short)
	if (host == "localhost" || host == "") host = ""
	if (length(short) < 3 || short == "localhost" || short == host) short = ""
}
function ip2n(s,   o) { split(s, o, "."); return ((o[1] * 256 + o[2]) * 256 + o[3]) * 256 + o[4] }
function okip(s,   o) { split(s, o, "."); return o[1] < 256 && o[2] < 256 && o[3] < 256 && o[4] < 256 }
function n2ip(n) { return int(n / 16777216) "." int(n / 65536) % 256 "." int(n / 256) % 256 "." n % 256 }
function net(n, l) { return n - n % P[l] }
function special(n) {
	return n < 16777216 || (n >= 2130706432 && n < 2147483648) || (n >= 2851995648 && n < 2852061184) \
		|| (n >= 3758096384 && n < 4026531840) || n == 4294967295
}
function candidate(s, l,   n) {
	if (!okip(s)) return
	n = ip2n(s); l += 0
	if (l < 8 || l > 32 || special(n)) return
	n = net(n, l)
	if (!((l, n) in cand)) { cand[l, n] = 1; K[l, ++count[l]] = n }
}
function macnorm(s,   o, i, out) {
	split(tolower(s), o, ":"); out = ""
	for (i = 1; i <= 6; i++) out = out (i > 1 ? ":" : "") (length(o[i]) == 1 ? "0" : "") o[i]
	return out
}
function macspecial(m,   first) {
	first = index("0123456789abcdef", substr(m, 2, 1)) - 1
	return first % 2 == 1 || m == "00:00:00:00:00:00"
}
# a name's boundaries: nothing that could continue it on either side
function bounded(s, start, len, re) {
	return (start == 1 || substr(s, start - 1, 1) !~ re) && substr(s, start + len, 1) !~ re
}
# every IPv4, IPv6 and MAC token of text s (the whole run of digits and dots, or of hex digits and colons,
# never a part of a longer one); pass 1 collects them, pass 2 returns s rewritten
function tokens(s,   out, st, c, isip, cls, t, rest, plen, m) {
	out = ""
	while (match(s, TOKEN)) {
		st = RSTART; c = substr(s, st)
		isip = substr(s, st, RLENGTH) !~ /:/
		cls = isip ? "[0-9.]" : "[0-9A-Fa-f:]"
		if (isip) match(c, /^[0-9.]+/); else match(c, /^[0-9A-Fa-f:]+/)
		t = substr(c, 1, RLENGTH)
		# an IPv4 address ending an IPv6 one (::ffff:192.0.2.1) is a token of its own
		if (!isip && substr(c, RLENGTH + 1, 1) == "." && match(t, /.*:/)) {
			out = out substr(s, 1, st - 1 + RLENGTH); s = substr(c, RLENGTH + 1); continue
		}
		if ((st > 1 && substr(s, st - 1, 1) ~ cls) || (isip && (t !~ ("^" IP "$") || !okip(t)))) {
			out = out substr(s, 1, st - 1 + RLENGTH); s = substr(c, RLENGTH + 1); continue
		}
		if (!isip && t !~ ("^" MAC "$")) {
			if (!v6(t, G)) { out = out substr(s, 1, st - 1 + RLENGTH); s = substr(c, RLENGTH + 1); continue }
			if (pass == 1) { nets6[v6half(G, 1)] = 1; iids6[v6half(G, 5)] = 1; m = t } else m = mapv6(t)
			out = out substr(s, 1, st - 1) m; s = substr(c, RLENGTH + 1); continue
		}
		rest = substr(c, RLENGTH + 1); plen = ""
		if (isip && match(rest, /^\/[0-9]+/) && RLENGTH <= 3 && substr(rest, 2, RLENGTH - 1) + 0 <= 32)
			plen = substr(rest, 2, RLENGTH - 1)
		if (pass == 1) { if (isip) candidate(t, plen == "" ? 32 : plen); else macseen[macnorm(t)] = 1; m = t }
		else m = isip ? mapip(t, plen) : mapmac(macnorm(t))
		out = out substr(s, 1, st - 1) m (plen == "" ? "" : "/" plen)
		s = substr(rest, plen == "" ? 1 : length(plen) + 2)
	}
	return out s
}
function hostname(s, name,   out, i, re) {
	if (name == "") return s
	re = "[A-Za-z0-9_.-]"; out = ""
	while ((i = index(s, name)) > 0) {
		if (bounded(s, i, length(name), re)) out = out substr(s, 1, i - 1) "redacted-host"
		else out = out substr(s, 1, i - 1 + length(name))
		s = substr(s, i + length(name))
	}
	return out s
}
# the outermost networks, largest first, each given a free network of its size
function allocate(   l, j, n, L, b, pos, r, free) {
	for (l = 8; l <= 32; l++) for (j = 1; j <= count[l]; j++) {
		n = K[l, j]
		for (L = 8; L <= l && !((L, net(n, L)) in blk); L++) ;
		if (L <= l) continue
		blk[l, n] = ++nb; B[nb] = n; BL[nb] = l
		for (L = 8; L < l; L++) cov[L, net(n, L)] = 1
	}
	r = 1; pos = pstart[1]
	for (b = 1; b <= nb; b++) {
		l = BL[b]
		for (;;) {
			if (pos % P[l]) pos = net(pos, l) + P[l]
			if (pos + P[l] > pend[r]) { if (++r > npool) return 0; pos = pstart[r]; continue }
			free = !((l, pos) in cov)
			for (L = 8; free && L <= l; L++) if ((L, net(pos, L)) in blk) free = 0
			if (free) break
			pos += P[l]
		}
		img[b] = pos; pos += P[l]
	}
	return 1
}
function mapip(t, plen,   n, L, b) {
	if (t in ipmap) return ipmap[t]
	n = ip2n(t)
	if ((plen != "" && plen + 0 < 8) || special(n)) return ipmap[t] = t
	for (L = 8; L <= 32; L++) if ((L, net(n, L)) in blk) break
	if (L > 32) return ipmap[t] = "0.0.0.0"
	b = blk[L, net(n, L)]
	return ipmap[t] = n2ip(img[b] + n - B[b])
}
# t as eight 16-bit groups in g, when t is an IPv6 address written in hex (no zone, no IPv4 tail)
function v6(t, g,   left, right, L, R, nl, nr, i, j) {
	if (t ~ /:::/ || (j = index(t, "::")) && index(substr(t, j + 1), "::")) return 0
	if (j) {
		left = substr(t, 1, j - 1); right = substr(t, j + 2)
		nl = left == "" ? 0 : split(left, L, ":"); nr = right == "" ? 0 : split(right, R, ":")
		if (nl + nr > 7) return 0
		for (i = 1; i <= nl; i++) g[i] = L[i]
		for (; i <= 8 - nr; i++) g[i] = "0"
		for (j = 1; j <= nr; j++) g[i++] = R[j]
	} else if (split(t, g, ":") != 8) return 0
	for (i = 1; i <= 8; i++) {
		if (g[i] !~ /^[0-9A-Fa-f]+$/ || length(g[i]) > 4) return 0
		g[i] = hex(g[i])
	}
	return 1
}
function hex(s,   n, i) {
	n = 0; s = tolower(s)
	for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return n
}
function v6half(g, from) { return g[from] ":" g[from + 1] ":" g[from + 2] ":" g[from + 3] }
# the groups as ip prints them: lower case, the longest run of two or more zero groups as ::
function v6text(g,   i, best, bestlen, run, out) {
	best = 0; bestlen = 1; run = 0
	for (i = 1; i <= 8; i++) {
		run = g[i] == 0 ? run + 1 : 0
		if (run > bestlen) { bestlen = run; best = i - run + 1 }
	}
	out = ""
	for (i = 1; i <= 8; i++) {
		if (best && i == best) { out = out "::"; i += bestlen - 1; continue }
		out = out (out == "" || out ~ /:$/ ? "" : ":") sprintf("%x", g[i])
	}
	return out
}
# the network half (a /64) and the interface half each get their own replacement: a link-local
# network, ::, ::1 and multicast stay; an interface half of three zero groups (::1, ::53) stays
function mapv6(t,   g, k, n, h, c) {
	if (t in v6map) return v6map[t]
	v6(t, g)
	if ((g[1] + g[2] + g[3] + g[4] + g[5] + g[6] + g[7] == 0 && g[8] <= 1) || g[1] >= 65280) return v6map[t] = t
	if (!(g[1] >= 65152 && g[1] < 65216)) {
		k = v6half(g, 1)
		if (!(k in net6map)) {
			do { c = ++nnet6; h = "8193:3512:" int(c / 65536) ":" c % 65536 } while (h in nets6)
			net6map[k] = h
		}
		split(net6map[k], n, ":"); g[1] = n[1]; g[2] = n[2]; g[3] = n[3]; g[4] = n[4]
	}
	if (g[5] + g[6] + g[7] != 0) {
		k = v6half(g, 5)
		if (!(k in iid6map)) {
			do { c = ++niid6; h = "1:0:" int(c / 65536) ":" c % 65536 } while (h in iids6)
			iid6map[k] = h
		}
		split(iid6map[k], n, ":"); g[5] = n[1]; g[6] = n[2]; g[7] = n[3]; g[8] = n[4]
	}
	return v6map[t] = v6text(g)
}
function mapmac(m,   c) {
	if (m in macmap) return macmap[m]
	if (macspecial(m)) return macmap[m] = m
	do { c = ++nmac; c = sprintf("02:00:00:%02x:%02x:%02x", int(c / 65536) % 256, int(c / 256) % 256, c % 256) } while (c in macseen)
	return macmap[m] = c
}
# "local":"10.0.0.5" then "prefixlen":24 (ip -j), "addr": "10.0.0.0" then "len": 8 (nft -j)
pass == 1 {
	if (pending != "" && match($0, /^[ ]*"[a-z_]*len": ?[0-9]+/)) {
		l = $0; sub(/^[ ]*"[a-z_]*len": ?/, "", l); sub(/[^0-9].*/, "", l)
		candidate(pending, l + 0)
	}
	pending = ""
	if (match($0, "\"" IP "\"[ ]*$")) { pending = substr($0, RSTART + 1); sub(/".*/, "", pending) }
}
pass == 2 && !allocated {
	allocated = 1
	if (!allocate()) exit 3
}
# a record is printed piece by piece: an embedded text output is one long record
{
	k = split($0, piece, /\\n/)
	if (pass == 2 && FNR > 1) printf ","
	for (i = 1; i <= k; i++) {
		p = tokens(piece[i])
		if (pass == 2) printf "%s%s", (i > 1 ? "\\n" : ""), hostname(hostname(p, host), short)
	}
}
AWK
	if ! awk -v host="$host" -f "$work/redact.awk" pass=1 "$work/snapshot.json" pass=2 "$work/snapshot.json" \
		>"$work/redacted.json"; then
		echo "netfilter-flow-capture.sh: --redact found no free addresses for this host's networks; nothing written" >&2
		exit 3
	fi
	mv "$work/redacted.json" "$work/snapshot.json"
fi

if [ -n "$output" ]; then
	cat "$work/snapshot.json" >"$output" || exit 1
else
	cat "$work/snapshot.json"
fi
exit 0
