#!/bin/sh
# Fills DIR with everything run.sh needs on a GPU machine that has no JDK (under 60 MiB): the kernel benchmarks
# (build.sh), the post-gpu and core jars of this checkout (new/) and of commit BASE (old/), their dependencies with
# JCuda's linux-x86_64 driver natives only (lib/), InitTiming, and a jlinked Java 17 runtime (jre17.tgz).
#   usage: package.sh DIR [BASE=0973cf6]      then, on the GPU machine: DIR/run.sh (results in $OUT)
set -eu
out=$(mkdir -p "$1" && cd "$1" && pwd)
base=${2:-0973cf6}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
m2=${M2:-$HOME/.m2/repository}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out/lib" "$out/new" "$out/old"
(cd "$root" && ./mvnw -B -ntp -o -q -pl post-gpu -am package -DskipTests)
cp "$root"/core/target/smnode-core-*[0-9T].jar "$root"/post-gpu/target/smnode-post-gpu-*[0-9T].jar "$out/new/"
git -C "$root" archive "$base" | tar -x -C "$tmp"
(cd "$tmp" && ./mvnw -B -ntp -o -q -pl post-gpu -am package -DskipTests)
cp "$tmp"/core/target/smnode-core-*[0-9T].jar "$tmp"/post-gpu/target/smnode-post-gpu-*[0-9T].jar "$out/old/"
cp "$m2"/org/jcuda/jcuda/12.6.0/jcuda-12.6.0.jar "$m2"/org/bouncycastle/bcprov-jdk18on/1.86/bcprov-jdk18on-1.86.jar \
   "$m2"/com/fasterxml/jackson/core/jackson-annotations/2.22/jackson-annotations-2.22.jar \
   "$m2"/com/fasterxml/jackson/core/jackson-core/2.22.4/jackson-core-2.22.4.jar \
   "$m2"/com/fasterxml/jackson/core/jackson-databind/2.22.4/jackson-databind-2.22.4.jar "$out/lib/"
mkdir "$tmp/natives" && (cd "$tmp/natives" && unzip -q "$m2"/org/jcuda/jcuda-natives/12.6.0/jcuda-natives-12.6.0-linux-x86_64.jar \
    -x 'lib/libJNvPTXCompiler*' 'lib/libJCudaRuntime*' && zip -q -r "$out/lib/jcuda-natives-12.6.0-linux-x86_64.jar" .)
mkdir "$tmp/it" && javac -d "$tmp/it" -cp "$out/new/*:$out/lib/*" "$here/InitTiming.java" && (cd "$tmp/it" && zip -q -r "$out/lib/init-timing.jar" .)
rm -rf "$tmp/jre17" && jlink --add-modules java.base,java.logging,java.management,java.naming,java.xml,jdk.unsupported,java.sql,jdk.crypto.ec \
    --strip-debug --no-man-pages --no-header-files --compress=2 --output "$tmp/jre17" && tar -C "$tmp" -czf "$out/jre17.tgz" jre17
"$here/build.sh" "$out" "$base" >/dev/null
mkdir -p "$out/bin" && mv "$out"/bench_* "$out/bin/"
cp "$here/run.sh" "$out/"
du -sh "$out"
