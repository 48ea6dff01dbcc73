# Palindromes, Caesar cipher, anagrams, run-length encoding.
def is_palindrome(s):
    cleaned = "".join(ch.lower() for ch in s if ch.isalnum())
    return cleaned == cleaned[::-1]

def caesar(s, shift):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

def rle(s):
    if not s:
        return ""
    parts, run = [], 1
    for prev, ch in zip(s, s[1:]):
        if ch == prev:
            run += 1
        else:
            parts.append(f"{prev}{run}")
            run = 1
    parts.append(f"{s[-1]}{run}")
    return "".join(parts)

print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("asyncio"))
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
print(sorted("listen") == sorted("silent"), sorted("dusty") == sorted("study!"))
print(rle("aaabccdddd"), rle("x"), repr(rle("")))
