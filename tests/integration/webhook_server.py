#!/usr/bin/env python3
"""A stand-in for Slack's incoming-webhook endpoint, on 127.0.0.1 only.

Prints its port on the first line, then serves:
  POST /ok    -> 200 "ok", and appends the raw request body to the file given as argv[1]
  POST /fail  -> 500 "invalid_payload"
  POST /slow  -> answers after 5 seconds
"""
import http.server
import sys
import time

record_path = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path.startswith("/ok"):
            with open(record_path, "ab") as record:
                record.write(body + b"\n")
            self.reply(200, b"ok")
        elif self.path.startswith("/fail"):
            self.reply(500, b"invalid_payload")
        elif self.path.startswith("/slow"):
            time.sleep(5)
            self.reply(200, b"ok")
        else:
            self.reply(404, b"no_service")

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
