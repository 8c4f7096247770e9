#!/usr/bin/env python3
"""How well pureneuron's estimate of a run's time and memory matches the run.

Not run by CI's tests: it runs real commands of a few seconds each, a few
minutes in all.  The command line refuses a run whose estimate (training_seconds,
train_seconds, train_bytes, program_seconds in pureneuron.py) passes about a
minute or a few hundred MB; this checks the estimate against the real thing:

    python3 .ci/bench_limits.py              # every kind of run, on this Python
    python3 .ci/bench_limits.py trace ask    # only the runs whose label has one of these
    python3 .ci/bench_limits.py --python pypy3

For each run it prints the time and the peak memory (ru_maxrss of the child
process) measured, the estimate, and measured / estimated.  On the CPython the
estimate was calibrated with (3.11, taken as a school laptop), a ratio from
about 0.6 to 1.5 is the estimate doing its job; a ratio well above that means
runs can pass the limit: measure again and raise the SECONDS_ or BYTES_
constants.  Another Python's ratios say how much faster it is (PyPy: well
under 1).
"""

import argparse
import contextlib
import io
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PURENEURON = os.path.join(os.path.dirname(HERE), "pureneuron.py")
sys.path.insert(0, os.path.dirname(HERE))

ASK = ["--ask", "1,0,0"]

# label, the command line (a {FILE:rows,inputs} word is a CSV file made for it);
# each sized to take a few seconds on CPython
RUNS = [
    ("program nine-lines", ["nine-lines", "--iterations", "300000"]),
    ("program three-layer", ["three-layer", "--iterations", "200000"]),
    ("program eleven-lines", ["eleven-lines", "--iterations", "200000"]),
    ("program multi-layer", ["multi-layer", "--iterations", "100000"]),
    ("program gradient-descent --hidden 32", ["gradient-descent", "--hidden", "32",
                                              "--alpha", "1"]),
    ("program gradient-descent --directions", ["gradient-descent", "--directions",
                                               "--alpha", "1", "--alpha", "10"]),
    ("program default run", []),
    ("trace three-layer", ["three-layer", "--trace"]),
    ("trace default run", ["--trace", "--iterations", "20000"]),
    ("bench 3 runs", ["bench", "--runs", "3", "--iterations", "5000"]),
    ("train 4 examples 3,4,1", ["train", "--iterations", "200000"]),
    ("train 4 examples 3,32,1", ["train", "--layers", "3,32,1", "--iterations", "50000"]),
    ("train 4 examples 3,1000,1000,1 (memory)", ["train", "--layers", "3,1000,1000,1",
                                                 "--iterations", "2"]),
    ("train 5,000 examples 2,1", ["train", "--data", "{FILE:5000,2}", "--layers", "2,1",
                                  "--iterations", "600"]),
    ("train 5,000 examples 2,1 --bias", ["train", "--data", "{FILE:5000,2}", "--layers", "2,1",
                                         "--bias", "--iterations", "500"]),
    ("train 100,000 examples 1,1", ["train", "--data", "{FILE:100000,1}", "--layers", "1,1",
                                    "--iterations", "25"]),
    ("train 20,000 examples 3,10,1", ["train", "--data", "{FILE:20000,3}", "--layers", "3,10,1",
                                      "--iterations", "25"]),
    ("train 50,000 examples 3,20,1 (memory)", ["train", "--data", "{FILE:50000,3}",
                                               "--layers", "3,20,1", "--iterations", "5"]),
    ("train 1,000 examples 3,1000,1 (memory)", ["train", "--data", "{FILE:1000,3}",
                                                "--layers", "3,1000,1", "--iterations", "6"]),
    ("train 2,000 examples 20,20,20,1", ["train", "--data", "{FILE:2000,20}",
                                         "--layers", "20,20,20,1", "--iterations", "30"]),
    ("train 300 examples 3,200,200,1", ["train", "--data", "{FILE:300,3}",
                                        "--layers", "3,200,200,1", "--iterations", "4"]),
    ("train 10 examples, 10 layers", ["train", "--data", "{FILE:10,10}", "--layers",
                                      "10,10,10,10,10,10,10,10,10,1", "--iterations", "4000"]),
    ("trace train 200 examples 2,100,1", ["train", "--data", "{FILE:200,2}", "--layers",
                                          "2,100,1", "--iterations", "100", "--trace"]),
    ("trace train 5,000 examples 2,1", ["train", "--data", "{FILE:5000,2}", "--layers", "2,1",
                                        "--iterations", "150", "--trace"]),
    ("every 1 --plot", ["train", "--layers", "3,1", "--iterations", "300000", "--every", "1",
                        "--plot"]),
    ("table 10 inputs", ["train", "--data", "{FILE:1000,10}", "--layers", "10,200,1",
                         "--iterations", "5", "--table"]),
    ("ask 450 times", ["train", "--layers", "3,300,300,1", "--iterations", "1"] + ASK * 450),
    ("train 20,000 examples 9 layers (memory)",
     ["train", "--data", "{FILE:20000,2}", "--layers", "2,10,10,10,10,10,10,10,10,1",
      "--iterations", "1"]),
    ("check 20,000 examples 2,4,1", ["train", "--data", "{FILE:20000,2}", "--iterations", "1",
                                     "--check"]),
    ("check 2,000 examples 2,10,10,1", ["train", "--data", "{FILE:2000,2}",
                                        "--layers", "2,10,10,1", "--iterations", "1", "--check"]),
]


def data_file(folder: str, rows: int, inputs: int) -> str:
    """A CSV file of random 0/1 inputs and a target, made once."""
    path = os.path.join(folder, "rows%d_inputs%d.csv" % (rows, inputs))
    if not os.path.exists(path):
        rng = random.Random(0)
        with open(path, "w") as file:
            for _ in range(rows):
                file.write(",".join(str(rng.randint(0, 1)) for _ in range(inputs + 1)) + "\n")
    return path


def with_files(argv, folder):
    """The command line with each {FILE:rows,inputs} made and named."""
    words = []
    for word in argv:
        if word.startswith("{FILE:"):
            rows, inputs = word[len("{FILE:"):-1].split(",")
            word = data_file(folder, int(rows), int(inputs))
        words.append(word)
    return words


class Estimated(Exception):
    """Raised by the command line's limit check, to stop before anything runs."""


def print_estimate(argv):
    """Print the seconds and bytes the command line estimates for argv (bytes: 0 if not counted).

    Run in a process of its own: loading the data here would grow this process,
    and a child started from it would count that memory as its own.
    """
    import pureneuron

    def capture(seconds, memory=0, **advice):
        raise Estimated(seconds, memory)
    pureneuron.check_run = capture
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = pureneuron.main(list(argv))
    except Estimated as estimated:
        print(*estimated.args)
        return
    raise SystemExit("%s: no estimate was made (status %s)" % (" ".join(argv), status))


def estimate(argv):
    """(seconds, bytes) the command line estimates for argv."""
    text = subprocess.run([sys.executable, __file__, "--estimate"] + list(argv), check=True,
                          stdout=subprocess.PIPE, universal_newlines=True).stdout
    seconds, memory = text.split()
    return float(seconds), float(memory)


def measure(python, argv):
    """Seconds of processor time (user and system), bytes at the peak, exit status, stderr.

    Processor time, not the clock's: other work on the machine slows the clock
    time of a run, hardly its processor time (the estimates are for a machine
    doing nothing else).
    """
    with open(os.devnull, "w") as nowhere:
        child = subprocess.Popen([python, PURENEURON] + list(argv), stdout=nowhere,
                                 stderr=subprocess.PIPE)
        error = child.stderr.read().decode()  # first: a full pipe would keep it from ending
        child.stderr.close()
        _, status, usage = os.wait4(child.pid, 0)
    kilobytes = usage.ru_maxrss  # Linux: kilobytes (macOS would say bytes)
    return (usage.ru_utime + usage.ru_stime, kilobytes * 1024,
            os.waitstatus_to_exitcode(status), error)


def main():
    if sys.argv[1:2] == ["--estimate"]:
        return print_estimate(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="run only the runs whose label has these words")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs them")
    options = parser.parse_args()
    print("measured / estimated, with %s (estimates: CPython 3.11 on the machine they were "
          "calibrated on)" % options.python)
    print("%-42s %8s %8s %6s  %8s %8s %6s" % ("run", "cpu s", "estimate", "ratio",
                                           "MB", "estimate", "ratio"))
    time_ratios, memory_ratios = [], []
    with tempfile.TemporaryDirectory() as folder:
        for label, argv in RUNS:
            if options.only and not any(word in label for word in options.only):
                continue
            argv = with_files(argv, folder)
            seconds_estimated, bytes_estimated = estimate(argv)
            seconds, peak, status, error = measure(options.python, argv)
            if status != 0:
                raise SystemExit("%s: exit status %d: %s" % (label, status, error.strip()))
            time_ratios.append(seconds / seconds_estimated)
            line = "%-42s %8.2f %8.2f %6.2f" % (label, seconds, seconds_estimated,
                                                time_ratios[-1])
            if bytes_estimated:
                memory_ratios.append(peak / bytes_estimated)
                line += "  %8.0f %8.0f %6.2f" % (peak / 2 ** 20, bytes_estimated / 2 ** 20,
                                                 memory_ratios[-1])
            else:
                line += "  %8.0f" % (peak / 2 ** 20)
            print(line, flush=True)
    print("time: ratios from %.2f to %.2f" % (min(time_ratios), max(time_ratios)))
    if memory_ratios:
        print("memory: ratios from %.2f to %.2f" % (min(memory_ratios), max(memory_ratios)))


if __name__ == "__main__":
    main()
