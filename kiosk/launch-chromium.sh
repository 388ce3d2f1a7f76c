#!/bin/sh
# Gia Lai kiosk: open the kiosk site full screen in Chromium.
#
# Started by kiosk/systemd/gialai-kiosk-browser.service as the "kiosk" user inside the
# graphical session (cage, or an X session). It waits until the local server answers, then
# replaces itself with Chromium (exec), so systemd watches Chromium itself and starts it
# again if it exits. The enterprise policy kiosk/policies/gialai-kiosk.json (copied to
# /etc/chromium/policies/managed/) keeps Chromium on the local site whatever the flags.
#
# Each setting can be changed from the environment, e.g. in the unit's Environment= lines:
#   KIOSK_URL           the start screen            (http://127.0.0.1:8080/start/)
#   CHROMIUM            the browser to run          (chromium, Debian's package)
#   KIOSK_WAIT_SECONDS  how long to wait for the server before giving up (60)
#   KIOSK_NO_MODELS     Chromium's list of on-device models, empty (chromium-no-models.json
#                       beside this script)
#   KIOSK_EXTRA_FLAGS   more Chromium flags, e.g. "--force-device-scale-factor=1.25"
#                       (Chromium keeps only the last --disable-features: if you add one,
#                       list Translate in it too)
set -eu

KIOSK_URL=${KIOSK_URL:-http://127.0.0.1:8080/start/}
CHROMIUM=${CHROMIUM:-chromium}
KIOSK_WAIT_SECONDS=${KIOSK_WAIT_SECONDS:-60}
KIOSK_EXTRA_FLAGS=${KIOSK_EXTRA_FLAGS:-}
# The empty list of on-device models (see below), shipped beside this script.
KIOSK_NO_MODELS=${KIOSK_NO_MODELS:-$(cd "$(dirname "$0")" && pwd)/chromium-no-models.json}

say() {
    echo "gialai-kiosk: $*" >&2
}

# True when the server answers at all (any HTTP status): it is up.
answers() {
    if command -v curl >/dev/null 2>&1; then
        curl --silent --output /dev/null --max-time 2 --noproxy '*' "$KIOSK_URL"
    else
        python3 - "$KIOSK_URL" <<'EOF' 2>/dev/null
import sys
import urllib.error
import urllib.request

opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    opener.open(sys.argv[1], timeout=2).close()
except urllib.error.HTTPError:
    pass  # an error page is still an answer
EOF
    fi
}

waited=0
until answers; do
    if [ "$waited" -ge "$KIOSK_WAIT_SECONDS" ]; then
        say "no answer from $KIOSK_URL after $KIOSK_WAIT_SECONDS s; is nginx (or gialai-kiosk-server) running? Trying again soon."
        exit 1  # systemd starts this script again after RestartSec
    fi
    sleep 1
    waited=$((waited + 1))
done

# A new, empty profile on every start: no history, cache or "Restore pages?" from an earlier
# run or a power cut. exec leaves no chance to delete it afterwards, so delete the old ones
# now. XDG_RUNTIME_DIR (/run/user/UID) is in memory and emptied at logout.
profile_parent=${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}
for old in "$profile_parent"/gialai-kiosk-profile.*; do
    if [ -d "$old" ] && [ -O "$old" ]; then
        rm -rf -- "$old"
    fi
done
profile=$(mktemp -d "$profile_parent/gialai-kiosk-profile.XXXXXX")

set -- --user-data-dir="$profile"
set -- "$@" --kiosk                         # full screen; no address bar, tabs or menus
set -- "$@" --incognito                     # keep nothing on disk (the policy forces it too)
set -- "$@" --no-first-run                  # no welcome page or first-run questions
set -- "$@" --noerrdialogs                  # no error dialogs on a public screen
set -- "$@" --disable-pinch                 # no pinch zoom (kiosk.js blocks it as well)
set -- "$@" --overscroll-history-navigation=0   # no swipe back/forward; the bar has Back
set -- "$@" --disable-features=Translate    # no "Translate this page?" on en/km pages
set -- "$@" --disable-sync                  # no Google account sync
set -- "$@" --disable-background-networking # no update, Safe Browsing or other checks; offline
set -- "$@" --disable-component-update      # no component downloads (CRLSet, Widevine, ...)
set -- "$@" --password-store=basic          # no GNOME Keyring / KWallet unlock prompt
# Two requests that neither the policy nor --disable-component-update stops (checked in a
# network namespace by tests/test_kiosk_quiet.py): the on-device model manifest, which
# Chromium asks the component updater for on every start, and any other update asked for
# "on demand". The first is pointed at an empty local model list; the second at a closed
# port on this machine, so an update check, should a later Chromium make one, never leaves it.
set -- "$@" --optimization-guide-manifest-override="$KIOSK_NO_MODELS"
set -- "$@" --component-updater=url-source=http://127.0.0.1:9/
# Left out on purpose (obsolete or useless here): --disable-infobars (only works in headless
# and Chrome for Testing now), --disable-translate and TranslateUI (removed; Translate above),
# --disable-session-crashed-bubble (removed; the new empty profile has nothing to restore),
# --use-mock-keychain (macOS only), --start-fullscreen and --app= (--kiosk does both),
# --check-for-update-interval (no update checks run offline, and kiosk mode shows no update
# badge), --autoplay-policy (the site plays no media).

# shellcheck disable=SC2086 # KIOSK_EXTRA_FLAGS is split into words on purpose
exec "$CHROMIUM" "$@" $KIOSK_EXTRA_FLAGS "$KIOSK_URL"
