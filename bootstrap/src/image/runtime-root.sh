#!/usr/bin/env bash
# The image's root folder, beneath the application's layers: a Java runtime made by jlink from the build's JDK, the
# shared libraries that runtime links against (taken from this machine, found with ldd), a non-root user and a
# writable /tmp (the X11 libraries of AWT are left out: the service is headless). The image then needs no base image from a registry, and carries nothing the service does not use.
#   runtime-root.sh JAVA_HOME MODULES ROOT
set -euo pipefail
java_home=$1 modules=$2 root=$3
rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/home/tenantry"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$root/opt/java"
find "$root/opt/java" -type f \( -name '*.so' -o -path "*/bin/*" \) -not -name "libawt_xawt.so" -not -name "libsplashscreen.so" -not -name "libjawt.so" -print0 |
  xargs -0 ldd 2> /dev/null | grep -o '/[^ ]*\.so[^ ]*' | grep -v "^$root" | sort -u |
  while read -r library; do cp --parents -L "$library" "$root"; done
# loaded on demand, so ldd does not name it: glibc opens libgcc_s when a thread is cancelled or unwinds
libgcc=$("$(command -v ldconfig || echo /sbin/ldconfig)" -p | awk '/libgcc_s.so.1 .*x86-64/ { print $NF; exit }')
[ -n "$libgcc" ] && cp --parents -L "$libgcc" "$root"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
echo "root:x:0:0:root:/root:/sbin/nologin" > "$root/etc/passwd"
echo "tenantry:x:65532:65532:tenantry:/home/tenantry:/sbin/nologin" >> "$root/etc/passwd"
printf 'root:x:0:\ntenantry:x:65532:\n' > "$root/etc/group"
