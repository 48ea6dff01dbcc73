# traceback.print_exc() inside except prints the traceback and the program goes on;
# format_exc() and e.__traceback__ give the same frames to the program.
# transcript: stderr
import sys
import traceback

def check(order):
    if order["qty"] <= 0:
        raise ValueError(f"bad quantity {order['qty']}")
    return order["qty"]

def process(orders):
    done = 0
    for order in orders:
        try:
            done += check(order)
        except ValueError:
            traceback.print_exc()
    return done

print("processed", process([{"qty": 2}, {"qty": 0}, {"qty": 3}]))
try:
    check({"qty": -1})
except ValueError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0])
    print(text.splitlines()[-1])
    tb = e.__traceback__
    while tb is not None:
        print("frame", tb.tb_frame.f_code.co_name, "line", tb.tb_lineno)
        tb = tb.tb_next
    print("".join(traceback.format_exception_only(e)), end="")
    traceback.print_exception(e, file=sys.stdout)
    print(len(traceback.format_exception(e)), "parts")
