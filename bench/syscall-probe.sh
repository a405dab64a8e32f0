#!/usr/bin/env bash
# Dev aid: system calls per request of a running server under load. Usage: bench/syscall-probe.sh <pid> <seconds>
timeout "$2" strace -f -c -p "$1" 2>&1 | tail -25
