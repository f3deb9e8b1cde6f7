#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The translations, checked the way GNOME checks them: every catalogue of
# po/LINGUAS compiles with `msgfmt -c`; every translation keeps its msgid's
# printf conversions (%s, %u, %2$s…) and {name} placeholders, which our code
# fills in after translation; German uses German quotation marks; the template
# extracts from po/POTFILES.in without warnings; and the catalogue built into
# the build tree is what gettext returns under LANGUAGE=de.
#
# A message that is not translated yet does not fail: it is listed as a TODO
# for translators (build-aux/update-po.sh merges new strings into the
# catalogues). Set SC_PO_REQUIRE_COMPLETE=1 to make missing translations fail,
# as before a release, when German must be complete. Prints TAP.
set -u

root="${SC_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root" || exit 1

for tool in msgfmt msgattrib msgmerge xgettext python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed (gettext package)"
    exit 0
  fi
done

n=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
todo() { n=$((n + 1)); echo "not ok $n - $1 # TODO $2"; }
diag() { sed 's/^/# /' "$@"; }

languages=$(sed -e 's/#.*//' po/LINGUAS | tr -s ' \n' '\n' | sed '/^$/d')

# 1. A template extracted now from the sources, as `ninja snapconfine-pot` does.
preset=(--from-code=UTF-8 --add-comments
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format
        --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format
        --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format
        --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format
        --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format
        --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format
        --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format)
grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$tmp/POTFILES"
if xgettext "${preset[@]}" --package-name=snapconfine -f "$tmp/POTFILES" \
     -o "$tmp/snapconfine.pot" 2> "$tmp/xgettext.log"; then
  # A warning means a message xgettext could not read as written, such as a
  # format built with G_GUINT64_FORMAT: it would never match at run time.
  if grep -q 'warning' "$tmp/xgettext.log"; then
    not_ok "xgettext extracts every message of po/POTFILES.in without warnings"
    diag "$tmp/xgettext.log"
  else
    ok "xgettext extracts $(grep -c '^msgid ' "$tmp/snapconfine.pot") messages without warnings"
  fi
else
  not_ok "xgettext extracts the messages of po/POTFILES.in"
  diag "$tmp/xgettext.log"
fi

# The placeholder check: each translated message keeps the msgid's printf
# conversions (as a multiset, so positional %1$s reordering is fine) and its
# {name} placeholders. msgfmt -c checks conversions only where xgettext
# flagged the message c-format; this covers every message.
cat > "$tmp/placeholders.py" <<'EOF'
import re
import sys

CONV = re.compile(r"%(?:(\d+)\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                  r"(?:hh|h|ll|l|L|q|j|z|Z|t)?([diouxXeEfFgGaAcspn%])")
BRACES = re.compile(r"\{[a-z_]+\}")


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def unquote(s):
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), s)


def entries(path):
    entry, key = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if entry:
                yield entry
            entry, key = {}, None
            continue
        if line.startswith("#"):
            entry.setdefault("comments", []).append(line)
            continue
        m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
        if m:
            key = m.group(1)
            entry[key] = unquote(m.group(2))
        elif line.startswith('"') and key:
            entry[key] += unquote(line[1:-1])
    if entry:
        yield entry


def conversions(text):
    return sorted(m.group(2) for m in CONV.finditer(text) if m.group(2) != "%")


bad = []
for e in entries(sys.argv[1]):
    msgid = e.get("msgid", "")
    if not msgid or any("fuzzy" in c for c in e.get("comments", []) if c.startswith("#,")):
        continue
    plural = e.get("msgid_plural")
    for key, text in e.items():
        if not key.startswith("msgstr") or not text:
            continue
        source = msgid if plural is None or key == "msgstr[0]" else plural
        want, got = conversions(source), conversions(text)
        # A plural form may leave the number out ("eine Datei" for "%u files").
        if got != want and not (plural is not None and set(got) <= set(conversions(plural))):
            bad.append(f"{msgid[:70]!r}: {key} has {got}, msgid has {want}")
        if sorted(BRACES.findall(text)) != sorted(BRACES.findall(source)):
            bad.append(f"{msgid[:70]!r}: {key} has {sorted(BRACES.findall(text))}, "
                       f"msgid has {sorted(BRACES.findall(source))}")
if bad:
    print("\n".join(bad))
EOF

for lang in $languages; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    not_ok "$po (listed in po/LINGUAS) exists"
    continue
  fi

  # 2. Valid: msgfmt -c checks syntax, the header and c-format messages.
  if LC_ALL=C msgfmt -c --statistics -o "$tmp/$lang.mo" "$po" 2> "$tmp/msgfmt.log"; then
    ok "msgfmt -c accepts $po: $(tail -n 1 "$tmp/msgfmt.log")"
  else
    not_ok "msgfmt -c accepts $po"
    diag "$tmp/msgfmt.log"
  fi

  # 3. Placeholders survive translation.
  if python3 "$tmp/placeholders.py" "$po" > "$tmp/placeholders.log" 2>&1 \
     && [ ! -s "$tmp/placeholders.log" ]; then
    ok "translations in $po keep the printf conversions and {…} placeholders of their msgid"
  else
    not_ok "translations in $po keep the printf conversions and {…} placeholders of their msgid"
    diag "$tmp/placeholders.log"
  fi

  # 4. Complete: every message of the current sources is translated and not
  # fuzzy. Not a failure unless a release asks for it.
  # msgmerge with the fresh template, as update-po.sh would: what is left
  # untranslated or fuzzy there is what translators have to do.
  if ! msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/snapconfine.pot" \
         2> "$tmp/msgmerge.log"; then
    not_ok "msgmerge merges the current template into $po"
    diag "$tmp/msgmerge.log"
    continue
  fi
  msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" 2>/dev/null \
    | grep '^msgid ' | tail -n +2 > "$tmp/untranslated.log"
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" 2>/dev/null \
    | grep '^msgid ' > "$tmp/fuzzy.log"
  untranslated=$(wc -l < "$tmp/untranslated.log")
  fuzzy=$(wc -l < "$tmp/fuzzy.log")
  what="$po translates every message of the current sources"
  if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
    ok "$what"
  else
    if [ "${SC_PO_REQUIRE_COMPLETE:-0}" = 1 ]; then
      not_ok "$what"
    else
      todo "$what" "$untranslated untranslated, $fuzzy fuzzy: run build-aux/update-po.sh, then translate"
    fi
    head -n 20 "$tmp/untranslated.log" | sed 's/^/# untranslated: /'
    head -n 10 "$tmp/fuzzy.log" | sed 's/^/# fuzzy: /'
  fi
done

# 5. German typography: „…“ quotes and a real ellipsis, never English ” or "...".
if [ -f po/de.po ]; then
  msgattrib --no-wrap po/de.po 2>/dev/null \
    | grep -E '^msgstr(\[[0-9]+\])? ".*(”|\.\.\.)' > "$tmp/typo.log"
  if [ -s "$tmp/typo.log" ]; then
    not_ok "German translations use German quotation marks and “…”"
    diag "$tmp/typo.log"
  else
    ok "German translations use German quotation marks and “…”"
  fi
fi

# 6. The catalogue compiled into the build tree is the one gettext returns under
# LANGUAGE=de. glibc ignores LANGUAGE in the C locale; C.UTF-8 is enough.
if [ -z "${SC_BUILD_ROOT:-}" ]; then
  echo "ok $((n + 1)) - build tree catalogue # SKIP SC_BUILD_ROOT is not set"
  n=$((n + 1))
elif ! command -v gettext >/dev/null || ! command -v msggrep >/dev/null; then
  echo "ok $((n + 1)) - build tree catalogue # SKIP gettext(1) or msggrep is not installed"
  n=$((n + 1))
else
  mo="$SC_BUILD_ROOT/po/de/LC_MESSAGES/snapconfine.mo"
  got=$(LANGUAGE=de LC_ALL=C.UTF-8 TEXTDOMAINDIR="$SC_BUILD_ROOT/po" \
          gettext snapconfine "Needs store approval" 2>&1)
  want=$(msggrep --msgid -E -e '^Needs store approval$' po/de.po | msgattrib --no-wrap \
           | sed -n 's/^msgstr "\(..*\)"$/\1/p')
  if [ ! -f "$mo" ]; then
    not_ok "$mo is built"
  elif [ -n "$want" ] && [ "$got" = "$want" ]; then
    ok "gettext returns the German text from the build tree under LANGUAGE=de: $got"
  else
    not_ok "gettext returns the German text from the build tree under LANGUAGE=de"
    echo "# expected “$want”, got “$got”"
  fi
fi

echo "1..$n"
exit $fail
