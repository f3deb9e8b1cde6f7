#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The German catalogue po/de.po is complete and valid: msgfmt accepts it with
# --check and finds nothing untranslated or fuzzy; every message of a template
# extracted afresh from po/POTFILES.in (with the arguments of the "glib" preset
# that po/meson.build uses) has a translation; {snap}-style placeholders
# survive translation; German quotation marks are used; and the catalogue
# compiled into the build tree is what gettext returns under LANGUAGE=de.
# Prints TAP.
set -u

root="${SC_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root" || exit 1

for tool in msgfmt msgcmp msgexec msggrep xgettext; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed (gettext package)"
    exit 0
  fi
done

po=po/de.po
n=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
diag() { sed 's/^/# /' "$@"; }

# 1. msgfmt --check accepts the catalogue and counts no untranslated or fuzzy message.
if LC_ALL=C msgfmt --check --statistics -o "$tmp/de.mo" "$po" 2> "$tmp/msgfmt.log"; then
  stats=$(tail -n 1 "$tmp/msgfmt.log")
  if grep -q 'untranslated\|fuzzy' <<< "$stats"; then
    not_ok "$po has no untranslated or fuzzy messages ($stats)"
    msgattrib --only-fuzzy "$po" 2>/dev/null | grep '^msgid' | head -n 20 | sed 's/^/# fuzzy: /'
    msgattrib --untranslated "$po" 2>/dev/null | grep '^msgid' | head -n 20 \
      | sed 's/^/# untranslated: /'
  elif ! grep -q '^[1-9][0-9]* translated message' <<< "$stats"; then
    not_ok "$po translates something ($stats)"
  else
    ok "msgfmt --check accepts $po: $stats"
  fi
else
  not_ok "msgfmt --check accepts $po"
  diag "$tmp/msgfmt.log"
fi

# 2. A template extracted now from the sources, as `ninja snapconfine-pot` does.
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

# 3. Every message of the fresh template is translated in de.po (msgcmp ignores
# untranslated and fuzzy entries of de.po unless told otherwise).
if [ -s "$tmp/snapconfine.pot" ] && msgcmp "$po" "$tmp/snapconfine.pot" 2> "$tmp/msgcmp.log"; then
  ok "every message of the current sources is translated in $po"
else
  not_ok "every message of the current sources is translated in $po"
  head -n 40 "$tmp/msgcmp.log" | diag
fi

# 4. Placeholders in braces ({snap}) are filled in by our code after
# translation, so each translation keeps exactly the msgid's set.
cat > "$tmp/braces.sh" <<'EOF'
want=$(printf '%s' "$MSGEXEC_MSGID" | grep -o '{[a-z_]*}' | sort | tr '\n' ' ')
got=$(grep -o '{[a-z_]*}' | sort | tr '\n' ' ')
if [ -n "$MSGEXEC_MSGID" ] && [ "$want" != "$got" ]; then
  echo "$MSGEXEC_LOCATION: msgid has [$want], translation has [$got]"
fi
exit 0
EOF
msggrep --msgid -E -e '\{[a-z_]+\}' --msgstr -E -e '\{[a-z_]+\}' "$po" > "$tmp/braces.po" \
  && msgexec -i "$tmp/braces.po" sh "$tmp/braces.sh" > "$tmp/braces.log" 2>&1
if [ -s "$tmp/braces.log" ]; then
  not_ok "translations keep the {…} placeholders of their msgid"
  diag "$tmp/braces.log"
else
  ok "translations keep the {…} placeholders of their msgid"
fi

# 5. German typography: „…“ quotes and a real ellipsis, never English ” or "...".
msgattrib --no-wrap "$po" 2>/dev/null \
  | grep -E '^msgstr(\[[0-9]+\])? ".*(”|\.\.\.)' > "$tmp/typo.log"
if [ -s "$tmp/typo.log" ]; then
  not_ok "translations use German quotation marks and “…”"
  diag "$tmp/typo.log"
else
  ok "translations use German quotation marks and “…”"
fi

# 6. The catalogue compiled into the build tree is the one gettext returns under
# LANGUAGE=de. glibc ignores LANGUAGE in the C locale; C.UTF-8 is enough.
if [ -z "${SC_BUILD_ROOT:-}" ]; then
  echo "ok $((n + 1)) - build tree catalogue # SKIP SC_BUILD_ROOT is not set"
  n=$((n + 1))
elif ! command -v gettext >/dev/null; then
  echo "ok $((n + 1)) - build tree catalogue # SKIP gettext(1) is not installed"
  n=$((n + 1))
else
  mo="$SC_BUILD_ROOT/po/de/LC_MESSAGES/snapconfine.mo"
  got=$(LANGUAGE=de LC_ALL=C.UTF-8 TEXTDOMAINDIR="$SC_BUILD_ROOT/po" \
          gettext snapconfine "Needs store approval" 2>&1)
  want=$(msggrep --msgid -E -e '^Needs store approval$' "$po" | msgattrib --no-wrap \
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
