#!/usr/bin/env bash
# Makes the certificate that encrypts the Data Protection key ring at rest (DataProtection:CertificatePath): a
# self-signed RSA certificate and its private key in one PKCS#12 file, encrypted with KEY_RING_PASSWORD.
#
#   KEY_RING_PASSWORD='a long passphrase' scripts/make-key-ring-cert.sh [FILE]      default: deploy/key-ring/key-ring.pfx
#
# Then give every replica the same file and password:
#   DataProtection__CertificatePath=/path/to/key-ring.pfx  DataProtection__CertificatePassword="$KEY_RING_PASSWORD"
# (docker-compose.yml mounts deploy/key-ring/key-ring.pfx; for Kubernetes see docs/operations.md). Keep a copy of
# the file and the password with your backups: the keys stored in the database can be read only with them, and
# losing them signs everyone out. An existing file is never overwritten.
set -euo pipefail

file="${1:-$(dirname "$0")/../deploy/key-ring/key-ring.pfx}"
if [[ -z "${KEY_RING_PASSWORD:-}" ]]; then
    echo "make-key-ring-cert.sh: set KEY_RING_PASSWORD to the password that protects the file (and give the same to the app as DataProtection__CertificatePassword)" >&2
    exit 2
fi
if [[ -e "$file" ]]; then
    echo "make-key-ring-cert.sh: $file exists; it is left as it is (a new certificate cannot read the keys the old one encrypted)" >&2
    exit 1
fi

mkdir -p "$(dirname "$file")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes -subj "/CN=Employee Directory key ring" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -name "Employee Directory key ring" \
    -out "$work/key-ring.pfx" -passout env:KEY_RING_PASSWORD
# Readable by the container's user: the file is encrypted, the password is the secret.
chmod 644 "$work/key-ring.pfx"
mv "$work/key-ring.pfx" "$file"
echo "$file: the key ring certificate ($(openssl x509 -in "$work/cert.pem" -noout -enddate)); set DataProtection__CertificatePath to it and DataProtection__CertificatePassword to KEY_RING_PASSWORD"
