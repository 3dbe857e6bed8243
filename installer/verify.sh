#!/usr/bin/env bash
# Checks what build.sh produced, the way a user would meet it:
#  1. the app image's headless launcher answers --version and serves /health for real;
#  2. the .deb (where dpkg exists) has the launchers, the menu entry and the icon, and depends on GTK;
#  3. as root with apt: installing the .deb, upgrading it with a newer one (data kept) and removing it cleanly,
#     and, once apt has installed what the .deb depends on, every library the JavaFX natives inside the console
#     jar link against resolves (on a fresh machine this is what proves the Depends line complete).
# Prints "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
passed=0; failed=0
check() { # description, command...
    local what=$1; shift
    if "$@" >target/verify-last.log 2>&1; then
        passed=$((passed + 1)); echo "ok   - $what"
    else
        failed=$((failed + 1)); echo "FAIL - $what"; sed 's/^/       /' target/verify-last.log | tail -20
    fi
}

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# Starts a gateway launcher on a free port with a fresh or given data dir and checks /health; then stops it.
serve_health() { # launcher data_dir
    local port log pid
    port=$(free_port); log=$(mktemp)
    SMSDESK_ADMIN_PASSWORD=installer-test-pw "$1" --host 127.0.0.1 --port "$port" --https-port 0 --data-dir "$2" \
        >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do
        if curl -fs "http://127.0.0.1:$port/health" | grep -q '"status":"pass"'; then
            kill "$pid"; wait "$pid" 2>/dev/null; return 0
        fi
        sleep 0.1
    done
    cat "$log"; kill "$pid" 2>/dev/null; return 1
}

# Every shared library the console's JavaFX natives need resolves on this machine (ldd finds no "not found").
javafx_natives_resolve() { # app-image dir
    local dir jar missing
    dir=$(mktemp -d); jar=$(ls "$1"/lib/app/*.jar | head -1)
    # JavaFX's natives sit at the jar's root (SQLite's, for many platforms, in folders of their own).
    python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(".so") and "/" not in n:
        z.extract(n, sys.argv[2])' "$jar" "$dir"
    ls "$dir"/libglassgtk3.so >/dev/null 2>&1 || { echo "no JavaFX natives in $jar"; return 1; }
    missing=$(for f in "$dir"/*.so; do ldd "$f" | grep 'not found' | sed "s|^|$(basename "$f"): |"; done)
    rm -rf "$dir"
    [ -z "$missing" ] || { echo "$missing"; return 1; }
}

# Mints a token (kept in the data dir's inventory) and prints its jti.
mint_token() { # launcher data_dir
    local port log pid jti
    port=$(free_port); log=$(mktemp)
    SMSDESK_ADMIN_PASSWORD=installer-test-pw "$1" --host 127.0.0.1 --port "$port" --https-port 0 --data-dir "$2" \
        >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
    jti=$(curl -fs -u admin:installer-test-pw -H 'Content-Type: application/json' \
        -d '{"scopes":["messages:send"],"name":"upgrade-check"}' "http://127.0.0.1:$port/3rdparty/v1/auth/token" \
        | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
    kill "$pid"; wait "$pid" 2>/dev/null
    echo "$jti"
}

# Succeeds when the token inventory of the data dir lists the jti.
has_token() { # launcher data_dir jti
    local port log pid ok=1
    port=$(free_port); log=$(mktemp)
    "$1" --host 127.0.0.1 --port "$port" --https-port 0 --data-dir "$2" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
    curl -fs -u admin:installer-test-pw "http://127.0.0.1:$port/3rdparty/v1/auth/tokens" | grep -qF -- "$3" && ok=0
    kill "$pid"; wait "$pid" 2>/dev/null
    return $ok
}

image=target/app-image/SMSDesk
gateway="$image/bin/smsdesk-gateway"
data=$(mktemp -d)
check "app image has both launchers" test -x "$image/bin/SMSDesk" -a -x "$gateway"
check "gateway launcher answers --version" bash -c "'$gateway' --version | grep -q '^smsdesk-gateway '"
check "gateway launcher serves /health for real" serve_health "$gateway" "$data/image"

deb=$(ls target/deb/*.deb 2>/dev/null | head -1)
if [ -n "$deb" ] && command -v dpkg-deb >/dev/null; then
    dpkg-deb -I "$deb" > target/deb-info.txt
    dpkg-deb -c "$deb" > target/deb-contents.txt
    check ".deb control names smsdesk and depends on GTK and the libraries JavaFX links" bash -c \
        "grep -q '^ Package: smsdesk' target/deb-info.txt && grep '^ Depends:' target/deb-info.txt \
         | grep -q 'libgtk-3-0 | libgtk-3-0t64' && grep '^ Depends:' target/deb-info.txt | grep -q 'libxxf86vm1'"
    check ".deb holds both launchers" bash -c "grep -q 'opt/smsdesk/bin/SMSDesk$' target/deb-contents.txt \
        && grep -q 'opt/smsdesk/bin/smsdesk-gateway$' target/deb-contents.txt"
    check ".deb carries SMSDesk's licence" bash -c "grep -q 'opt/smsdesk/share/doc/copyright$' target/deb-contents.txt"
    check ".deb holds a menu entry and the icon" bash -c "grep -q '\\.desktop$' target/deb-contents.txt \
        && grep -q 'SMSDesk.png$' target/deb-contents.txt"
    check ".deb scripts tolerate a machine without a desktop menu" bash -c \
        "dpkg-deb -I '$deb' postinst | grep -q 'no desktop menu here'"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${INSTALLER_SKIP_INSTALL:-}" ]; then
        apt-get update -q >/dev/null   # the package depends on GTK, which apt fetches
        # An "older release": the same app packaged as version 0.0.1, to upgrade from.
        OUT=target/older ./build.sh 0.0.1 deb >target/older-build.log 2>&1
        INSTALLER_UPGRADE_DEB=$(ls target/older/deb/*.deb | head -1)
        installed=/opt/smsdesk/bin/smsdesk-gateway
        # The folders a desktop machine has, so that the menu entry can be checked here too.
        mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus/applications-merged
        check "install the older .deb" apt-get install -y -q "$(realpath "$INSTALLER_UPGRADE_DEB")"
        check "after installing the .deb, every library the JavaFX natives need is there" \
            javafx_natives_resolve /opt/smsdesk
        jti=$(mint_token "$installed" "$data/installed")
        check "older version minted a token" test -n "$jti"
        check "upgrade with the newer .deb" apt-get install -y -q --allow-downgrades "$(realpath "$deb")"
        check "upgrade kept the token inventory" has_token "$installed" "$data/installed" "$jti"
        check "the console has a menu entry, the headless gateway none" bash -c \
            "test -f /usr/share/applications/smsdesk-SMSDesk.desktop \
             && test ! -e /usr/share/applications/smsdesk-smsdesk-gateway.desktop"
        check "uninstall removes the app and its menu entry" bash -c "apt-get remove -y -q smsdesk \
            && test ! -e /opt/smsdesk && test ! -e /usr/share/applications/smsdesk-SMSDesk.desktop"
        check "uninstall leaves the user's data" test -f "$data/installed/smsdesk.db"
    else
        echo "skip - install/upgrade/remove (needs root and apt-get; INSTALLER_SKIP_INSTALL unset)"
    fi
else
    echo "skip - .deb checks (no dpkg-deb here)"
fi
rm -rf "$data"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
