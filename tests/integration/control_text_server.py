#!/usr/bin/env python3
"""An HTTP server on 127.0.0.1 whose reason phrase and body carry terminal control
sequences, as a hostile or broken server might send. Prints its port on the first line.

Every GET answers 200 with the reason phrase "OK<ESC>]0;owned<BEL><ESC>[2J" and a body
that clears the screen, turns the text red and reverses it with U+202E.
"""
import http.server

REASON = "OK\x1b]0;owned\x07\x1b[2J"
BODY = "\x1b[31mred\u202eevil\x9b1m".encode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200, REASON)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
