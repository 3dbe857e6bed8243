#!/usr/bin/env bash
# Builds the SMSDesk installers with jlink + jpackage from the desktop fat jar.
#   installer/build.sh VERSION [TYPE...]     e.g. installer/build.sh 0.1.0 app-image deb
# TYPE defaults to the app image plus this system's native package (deb on Debian/Ubuntu, msi on Windows,
# dmg on macOS). jpackage only builds packages for the system it runs on. OUT (default target) is where the
# images and packages go.
set -euo pipefail
cd "$(dirname "$0")"
version=${1:?version}; shift
version=${version%-SNAPSHOT}   # jpackage wants a numeric version
case "$(uname -s)" in
    Linux) os=linux; native=deb ;;
    Darwin) os=mac; native=dmg ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; native=msi ;;
    *) echo "unsupported system $(uname -s)" >&2; exit 2 ;;
esac
types=("$@")
if [ ${#types[@]} -eq 0 ]; then
    types=(app-image)
    if [ "$os" != linux ] || { command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; }; then
        types+=("$native")
    fi
fi

jar=../desktop/target/smsdesk.jar
[ -f "$jar" ] || { echo "missing $jar: build the desktop module first (mvn -B -ntp -DskipTests package)" >&2; exit 2; }

rm -rf target/input target/runtime
mkdir -p target/input
cp "$jar" target/input/

# Only the JDK modules the app needs: what jdeps finds, plus providers loaded by name at run time.
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps target/input/smsdesk.jar)
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.zipfs"
echo "jlink modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output target/runtime

for type in "${types[@]}"; do
    extra=()
    [ "$type" = app-image ] || extra=("@jpackage/$os-package.args")
    rm -rf "${OUT:-target}/$type"
    echo "jpackage --type $type"
    jpackage @jpackage/common.args "@jpackage/$os.args" "${extra[@]}" --type "$type" --app-version "$version" \
        --runtime-image target/runtime --input target/input --dest "${OUT:-target}/$type"
done
du -sh "${OUT:-target}"/app-image/* 2>/dev/null || true
ls -la "${OUT:-target}/$native" 2>/dev/null || true
