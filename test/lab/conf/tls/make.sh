#!/bin/sh
# Makes the lab's TLS material (run once; the files are committed): a lab CA, nginx's server certificate for
# 127.0.0.1, a client certificate the CA issued, and a "rogue" client certificate from another, untrusted CA.
# Lab-only keys: nothing outside 127.0.0.1 trusts them. Valid for 100 years so recordings do not rot.
set -e
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj "/CN=Why403 lab CA" -keyout ca.key -out ca.pem
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
printf 'subjectAltName=IP:127.0.0.1\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $days -extfile server.ext -out server.pem
openssl req -newkey rsa:2048 -nodes -subj "/CN=lab-client" -keyout client.key -out client.csr
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $days -out client.pem
openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj "/CN=rogue-client" -keyout rogue.key -out rogue.pem
rm -f server.csr client.csr server.ext ca.srl ca.key
