/// A stand-in for `opsdeck demo-service`, with the same flags, in Python (the tests run it with
/// `python3`): GET /health answers 200 with the version, /ready answers 503 for its first 0.3 s
/// and 200 after, except for a version ending in `-stuck`, whose /ready never turns 200. It
/// writes a JSON line a request on standard output and exits 0 on SIGTERM.
enum LocalStandInService {
    static let script = #"""
        import argparse, json, signal, sys, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        parser = argparse.ArgumentParser()
        for flag in ("--service", "--environment", "--version", "--logger", "--behaviour", "--time-scale", "--port-file"):
            parser.add_argument(flag)
        parser.add_argument("--port", type=int, required=True)
        args = parser.parse_args()
        started = time.monotonic()

        def log(message, **fields):
            print(json.dumps({"level": 30, "time": int(time.time() * 1000), "msg": message, "service": args.service,
                              "env": args.environment, "version": args.version, **fields}), flush=True)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                ready = not args.version.endswith("-stuck") and time.monotonic() - started > 0.3
                status = 200
                if self.path == "/ready" and not ready:
                    status = 503
                body = json.dumps({"service": args.service, "environment": args.environment, "version": args.version,
                                   "path": self.path}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                log("request", path=self.path, status=status)

            def log_message(self, *arguments):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
        if args.port_file:
            with open(args.port_file, "w") as handle:
                handle.write(str(server.server_address[1]))

        def stop(number, frame):
            log("stopping on SIGTERM")
            sys.exit(0)

        signal.signal(signal.SIGTERM, stop)
        log("listening", port=args.port)
        server.serve_forever()
        """#
}
