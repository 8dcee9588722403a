#!/usr/bin/env python3
"""A tiny authoritative DNS responder for the health-check tests (stdlib only).

Usage: dns_responder.py ADDRESS
Binds UDP ADDRESS:53 (QDnsLookup cannot target another port) and prints "ready", or
"bind-failed ERRNO_NAME" and exits 2. Answers:
  api.test    A 10.1.2.3
  silent.*    never answered (a server that hangs)
  anything else: NXDOMAIN
"""
import errno
import os
import socket
import struct
import sys

RECORDS = {"api.test": "10.1.2.3"}
TYPE_A = 1
CLASS_IN = 1
NXDOMAIN = 3


def parse_question(packet):
    labels = []
    at = 12
    while True:
        length = packet[at]
        at += 1
        if length == 0:
            break
        labels.append(packet[at:at + length].decode("ascii", "replace").lower())
        at += length
    qtype, qclass = struct.unpack("!HH", packet[at:at + 4])
    return ".".join(labels), qtype, qclass, packet[12:at + 4]


def answer(packet):
    query_id, flags = struct.unpack("!HH", packet[:4])
    name, qtype, qclass, question = parse_question(packet)
    if name.startswith("silent."):
        return None
    recursion_desired = flags & 0x0100
    response_flags = 0x8000 | 0x0400 | recursion_desired  # QR, AA, RD copied
    answers = b""
    count = 0
    if name in RECORDS:
        if qtype == TYPE_A and qclass == CLASS_IN:
            address = socket.inet_aton(RECORDS[name])
            # Name as a pointer to the question (offset 12), TTL 60.
            answers = struct.pack("!HHHIH", 0xC00C, TYPE_A, CLASS_IN, 60, 4) + address
            count = 1
    else:
        response_flags |= NXDOMAIN
    header = struct.pack("!HHHHHH", query_id, response_flags, 1, count, 0, 0)
    return header + question + answers


def main():
    address = sys.argv[1]
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        server.bind((address, 53))
    except OSError as error:
        reason = errno.errorcode.get(error.errno, str(error.errno))
        print(f"bind-failed {reason}", flush=True)
        return 2
    print("ready", flush=True)
    parent = os.getppid()
    server.settimeout(1.0)
    while True:
        try:
            packet, peer = server.recvfrom(4096)
        except socket.timeout:
            if os.getppid() != parent:
                return 0  # the test is gone (even if it crashed): free port 53
            continue
        try:
            reply = answer(packet)
        except (IndexError, struct.error):
            continue  # not a query we understand: ignore it, like a real server would
        if reply is not None:
            server.sendto(reply, peer)


if __name__ == "__main__":
    sys.exit(main())
