#!/usr/bin/env bash
# Part of `./mvnw verify` (its last step): builds the native-image sources the way a native build
# would (no GraalVM needed), so that build-time native problems fail here, and checks what the
# arguments must hold: every card language's locale, and the reflection registrations of the
# types sent as Response entities; then that the packaged jar and its class-data archive still fit
# each other. Writes target/native-sources/.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# Its own jar goes to target/native-build: target/stat-callouts-runner.jar stays the one the class-data
# archive was trained on (a jar written again after it would start without the archive).
./mvnw -B -q package -Dnative -Dquarkus.native.sources-only=true -DskipTests -Dapi-client.skip=true \
  -Dquarkus.package.output-directory=native-build
args=target/native-sources/native-image.args
[ -f "$args" ] || { echo "native sources: $args was not written" >&2; exit 1; }
locales=$(tr ' ' '\n' <"$args" | sed -n 's/^-H:IncludeLocales=//p')
for language in en ja de fr es; do
  case ",$locales," in
    *",$language,"*) ;;
    *) echo "native sources: locale '$language' is missing from -H:IncludeLocales=$locales" >&2; exit 1 ;;
  esac
done
jar=$(ls target/native-sources/*-runner.jar)
reflection=$(unzip -p "$jar" META-INF/native-image/reflect-config.json 2>/dev/null || true)
for type in dev.statcallouts.http.Problem dev.statcallouts.oembed.OEmbed 'dev.statcallouts.permalink.PermalinkResource$FigureData'; do
  grep -qF "\"$type\"" <<<"$reflection" \
    || { echo "native sources: $type is not registered for reflection" >&2; exit 1; }
done
if [ -f target/stat-callouts.jsa ]; then
  java -XX:SharedArchiveFile=target/stat-callouts.jsa -Xshare:on -cp target/stat-callouts-runner.jar -version >/dev/null 2>&1 \
    || { echo "native sources: target/stat-callouts-runner.jar was written again, and its class-data archive no longer fits it" >&2; exit 1; }
fi
echo "native sources: target/native-sources written; locales $locales; reflection registrations present"
