#!/usr/bin/env python3
"""Test HTTP(S) server for the health probes. Prints its port on the first line.

Usage: health_server.py [CERT KEY]   (with a certificate and key it serves HTTPS)
"""
import json
import socket
import ssl
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PROMETHEUS = {
    "up": {"status": "success",
           "data": {"resultType": "vector",
                    "result": [{"metric": {"job": "api"}, "value": [1700000000, "1"]}]}},
    "ratio": {"status": "success",
              "data": {"resultType": "vector",
                       "result": [{"metric": {}, "value": [1700000000, "0.5"]}]}},
    "empty": {"status": "success", "data": {"resultType": "vector", "result": []}},
    "nan": {"status": "success",
            "data": {"resultType": "vector", "result": [{"metric": {}, "value": [1, "NaN"]}]}},
    "scalar": {"status": "success", "data": {"resultType": "scalar", "result": [1, "0.01"]}},
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/json":
            self.send(200, json.dumps({"status": "UP", "ratio": 0.5,
                                       "items": [{"id": 1, "name": "api-eu"}]}).encode())
        elif url.path == "/error":
            self.send(500, b'{"status":"DOWN"}')
        elif url.path == "/slow":
            time.sleep(float(parse_qs(url.query).get("ms", ["300"])[0]) / 1000)
            self.send(200, b'{"status":"UP"}')
        elif url.path == "/hang":
            time.sleep(60)
        elif url.path == "/garbage":
            self.wfile.write(b"\x00\xffthis is not HTTP\r\n\r\n")
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        elif url.path == "/huge":
            chunk = b"x" * 65536
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(chunk) * 48))
            self.end_headers()
            try:
                for _ in range(48):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif url.path == "/megabyte":
            # Exactly the probe's body cap, so nothing is cut before the conditions see it.
            self.send(200, b"x" * (1024 * 1024), "text/plain")
        elif url.path == "/loop":
            self.send(302, b"", headers=[("Location", "/loop")])
        elif url.path == "/api/v1/query":
            query = parse_qs(url.query).get("query", [""])[0]
            if query in PROMETHEUS:
                self.send(200, json.dumps(PROMETHEUS[query]).encode())
            else:
                self.send(400, json.dumps({"status": "error", "errorType": "bad_data",
                                           "error": "parse error in " + query}).encode())
        else:
            self.send(404, b'{"error":"not found"}')

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        self.send(200, json.dumps({"method": "POST", "echo": body.decode(),
                                   "token": self.headers.get("X-Token", "")}).encode())


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if len(sys.argv) == 3:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
