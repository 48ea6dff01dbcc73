# AttributeError with 3.11's suggestion.
class Account:
    def __init__(self):
        self.balance = 10

acct = Account()
print(acct.balance)
try:
    "text".uper()
except AttributeError as e:
    print("caught:", e)
print(acct.balanse)
