// The player's identity secret: 32 random bytes in base64url, drawn once per browser and sent
// with create_room and join so that solo personal bests belong to this person, not a nickname.

const KEY = 'rapidfire.identity';

export function identity() {
  try {
    let secret = localStorage.getItem(KEY);
    if (!secret || !/^[A-Za-z0-9_-]{22,128}$/.test(secret)) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      secret = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      localStorage.setItem(KEY, secret);
    }
    return secret;
  } catch {
    return undefined;  // no storage: play without personal bests
  }
}
