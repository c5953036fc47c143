package accounts

import (
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	"golang.org/x/crypto/argon2"
)

// Hashing holds the argon2id parameters: memory in KiB, passes, lanes.
type Hashing struct {
	Memory  uint32
	Time    uint32
	Threads uint8
}

// DefaultHashing is RFC 9106's second recommended option (64 MiB, 3
// passes), with 2 lanes for the 2-core machines we run on.
var DefaultHashing = Hashing{Memory: 64 * 1024, Time: 3, Threads: 2}

// TestHashing is cheap, for tests and the load generator's many accounts.
var TestHashing = Hashing{Memory: 64, Time: 1, Threads: 1}

func (h Hashing) orDefault() Hashing {
	if h.Memory == 0 {
		return DefaultHashing
	}
	return h
}

const (
	saltLen = 16
	keyLen  = 32
)

// Hash returns password's argon2id hash as a PHC string:
// $argon2id$v=19$m=65536,t=3,p=2$<salt>$<hash> (unpadded base64). The
// encoding is written by hand: x/crypto/argon2 gives the key, not the
// string, and the format is a few lines.
func (h Hashing) Hash(random io.Reader, password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := io.ReadFull(random, salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, h.Time, h.Memory, h.Threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, h.Memory, h.Time, h.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches the PHC string phc, using the
// parameters written in it (so that hashes made under older parameters
// still verify).
func (Hashing) Verify(phc, password string) (bool, error) {
	p, salt, key, err := ParsePHC(phc)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// ParsePHC parses an argon2id PHC string.
func ParsePHC(phc string) (Hashing, []byte, []byte, error) {
	var h Hashing
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return h, nil, nil, fmt.Errorf("password hash: not an argon2id PHC string")
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return h, nil, nil, fmt.Errorf("password hash: version %q, want v=%d", parts[2], argon2.Version)
	}
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &h.Memory, &h.Time, &threads); err != nil || n != 3 ||
		fmt.Sprintf("m=%d,t=%d,p=%d", h.Memory, h.Time, threads) != parts[3] {
		return h, nil, nil, fmt.Errorf("password hash: parameters %q", parts[3])
	}
	if h.Memory < 8 || h.Memory > 4<<20 || h.Time < 1 || h.Time > 100 || threads < 1 || threads > 255 || h.Memory < 8*threads {
		return h, nil, nil, fmt.Errorf("password hash: parameters out of range %q", parts[3])
	}
	h.Threads = uint8(threads)
	salt, err := base64.RawStdEncoding.Strict().DecodeString(parts[4])
	if err != nil || len(salt) < 8 || len(salt) > 64 {
		return h, nil, nil, fmt.Errorf("password hash: salt")
	}
	key, err := base64.RawStdEncoding.Strict().DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return h, nil, nil, fmt.Errorf("password hash: key")
	}
	return h, salt, key, nil
}

// totpOpts are RFC 6238's defaults (30-second steps, 6 digits, SHA-1, as
// authenticator apps expect), accepting one step of clock skew either way.
var totpOpts = totp.ValidateOpts{Period: 30, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// TOTPCode returns the code of secret at time t (for tests and the demo).
func TOTPCode(secret string, t time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, t, totpOpts)
}
