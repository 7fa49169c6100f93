# Shared by the .ci/*-check scripts that talk to the real server through outside clients.
# Source it; it defines functions only.

# npm_local DIR PACKAGE@VERSION...: installs into DIR/node_modules with a throwaway HOME (nothing
# global, nothing in the real HOME).
npm_local() {
  local dir="$1"; shift
  mkdir -p "$dir/home"
  (cd "$dir" && HOME="$dir/home" npm install --silent --no-audit --no-fund "$@" >/dev/null)
}

# sample_app DIR: a copy of the bundled sample project (Flyway files in DIR/db/migration).
sample_app() {
  mkdir -p "$1/db/migration"
  cp "$ROOT"/examples/shop/db/migration/*.sql "$1/db/migration/"
}

# start_http_server LOG ARGS...: runs `bin/migration-mcp serve --http 127.0.0.1:0 ARGS...` in the
# background, waits for the address it prints, and sets SERVER_PID and SERVER_URL (…/mcp).
start_http_server() {
  local log="$1"; shift
  "$ROOT/bin/migration-mcp" serve --http 127.0.0.1:0 "$@" 2>"$log" </dev/null &
  SERVER_PID=$!
  SERVER_URL=""
  for _ in $(seq 1 600); do
    SERVER_URL="$(grep -o 'listening on http://[^ ]*/mcp' "$log" | head -n 1 | cut -d' ' -f3 || true)"
    [[ -n "$SERVER_URL" ]] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited:" >&2; cat "$log" >&2; return 1; }
    sleep 0.2
  done
  echo "the server did not report its address within 120 s:" >&2; cat "$log" >&2
  return 1
}

# stop_http_server: SIGTERM, then checks the exit code is 0 (a clean shutdown is part of the contract).
stop_http_server() {
  [[ -n "${SERVER_PID:-}" ]] || return 0
  local pid="$SERVER_PID" rc=0
  SERVER_PID=""
  kill -TERM "$pid" 2>/dev/null || return 0
  wait "$pid" || rc=$?
  if [[ $rc -ne 0 ]]; then
    echo "the server exited with $rc after SIGTERM" >&2
    return 1
  fi
}
