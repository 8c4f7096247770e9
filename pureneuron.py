"""pureneuron: the first neural networks of two famous blog posts, in pure Python.

Milo Spencer-Harper's "How to build a simple neural network in 9 lines of
Python code" (one neuron) and Andrew Trask's "A Neural Network in 11 lines of
Python" (backpropagation through a hidden layer) taught many people their
first neural network.  Both lean on numpy, which hides the arithmetic they
teach.  This file rebuilds them with nothing but the standard library: lists
of lists, a hand-written transpose and dot product, math.exp, and a random
generator seeded exactly as numpy seeds its own, so every program prints the
posts' own numbers, digit for digit.

    python3 pureneuron.py               # run the posts' programs (not gradient-descent: slow)
    python3 pureneuron.py three-layer   # run one, printing what the post printed
    python3 pureneuron.py three-layer --trace   # and every matrix of its first and last iteration
    python3 pureneuron.py gradient-descent --alpha 10 --hidden 32   # Trask's Part 2
    python3 pureneuron.py --list        # name the programs
    python3 pureneuron.py train --data xor --layers 3,4,1 --table   # a network of your own
    python3 pureneuron.py sigmoid       # draw the S curve

Read it top to bottom: random numbers, matrices, the sigmoid, the programs,
then printing, the authors' follow-up posts, the playground (train your own
network, draw the sigmoid), timing and the command line.

Glossary of the posts' names:
    X, l0        the inputs, one training example a row (l0 is "layer 0")
    X_T          ours: X transposed (numpy's X.T), made once before the loop
    y            the targets, one row an example
    syn0, syn1   Trask's weight matrices ("synapses") from layer 0 to 1, 1 to 2
    l1, l2       a layer's outputs: the sigmoid of its inputs times its weights
    l1_error     how far a layer's output is from what it should have been
    l1_delta     that error scaled by the sigmoid's slope: the size of the nudge
    synaptic_weights   Milo's name for the single neuron's weights
    layer1, layer2     Milo's layers of neurons in his follow-up post
    alpha        Trask's learning rate in his follow-up: how big a step each update takes
"""

import argparse
import csv
import math
import random
import sys
import time
from itertools import repeat
from operator import add, mul, sub
from typing import List, Sequence, Tuple, Union

# ---------------------------------------------------------------------------
# 1. Random numbers like numpy's
#
# Every program starts with np.random.seed(1) and draws its weights from
# numpy's Mersenne Twister.  Python's `random` module runs the same generator
# (MT19937) and turns two 32-bit draws into a float the same way numpy does;
# only the seeding differs.  So we compute the state numpy's seed would give
# and load it into a random.Random: from then on the two streams agree.
# ---------------------------------------------------------------------------

MT_STATE_SIZE = 624


def numpy_random(seed: int) -> random.Random:
    """A random.Random that draws what numpy draws after np.random.seed(seed).

    >>> rng = numpy_random(1)
    >>> rng.random(), rng.random()
    (0.417022004702574, 0.7203244934421581)
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**32:
        raise ValueError("seed must be an integer from 0 to 2**32 - 1 "
                         "(4294967295), got %r" % (seed,))
    # numpy's init_genrand: each word of the state is made from the one before.
    state = [seed]
    for i in range(1, MT_STATE_SIZE):
        previous = state[-1]
        state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
    rng = random.Random()
    # Version 3 of random's state; the final 624 says "all words used up", so
    # the first draw twists the state, exactly as numpy's first draw does.
    rng.setstate((3, tuple(state) + (MT_STATE_SIZE,), None))
    return rng


def random_weights(rng: random.Random, rows: int, cols: int) -> "Matrix":
    """Weights drawn evenly from -1 to 1, row by row: numpy's 2*random((rows, cols)) - 1.

    >>> random_weights(numpy_random(1), 3, 1)
    [[-0.165955990594852], [0.4406489868843162], [-0.9997712503653102]]
    """
    return [[2 * rng.random() - 1 for _ in range(cols)] for _ in range(rows)]


# ---------------------------------------------------------------------------
# 2. Matrices as lists of lists
#
# A matrix is a list of rows, each row a list of numbers: [[0, 0, 1], [1, 1, 1]]
# is 2x3.  numpy checks shapes for the posts; here every helper checks its own
# operands and says what did not fit, because zip() or a loop over the first
# row's indexes would otherwise quietly drop whatever is left over.
#
# These helpers run a dozen times in every training iteration, so they use
# what Python runs fastest (map, comprehensions, loops by index) and check
# cheaply: a matrix's outline up front, its entries by the arithmetic, which
# raises a TypeError for anything but a number (0.0 + 'a', 1 - None, -[1]).
# Only where + and * would quietly join or repeat strings and lists
# ('a' + 'b', [1] * 2) does a helper add a check of its own.
# ---------------------------------------------------------------------------

Number = Union[int, float]
Vector = List[Number]
Matrix = List[Vector]


def shape(m: Matrix) -> Tuple[int, int]:
    """The (rows, columns) of a matrix, after checking it is a filled rectangle.

    >>> shape([[0, 0, 1], [1, 1, 1]])
    (2, 3)
    """
    if not isinstance(m, (list, tuple)) or not m:
        raise ValueError("a matrix must be a non-empty list of rows, got %r" % (m,))
    try:
        cols = len(m[0])
        for row in m:
            if len(row) != cols:
                raise ValueError("ragged matrix: its rows have %s entries"
                                 % " and ".join(map(str, sorted(set(map(len, m))))))
    except TypeError:  # a row that is a number, not a list
        raise ValueError("a matrix must be a list of rows (lists), got %r" % (m,)) from None
    if cols == 0:
        raise ValueError("a matrix's rows must not be empty")
    return len(m), cols


def _check_numbers(*matrices: Matrix) -> None:
    """Name the first entry that is not a number: what the helpers do once their arithmetic failed.

    >>> _check_numbers([[1, 2.5]], [[True, "7"]])
    Traceback (most recent call last):
    TypeError: a matrix holds numbers, not '7'
    """
    for m in matrices:
        for row in m:
            for x in row:
                if not isinstance(x, (int, float)):
                    raise TypeError("a matrix holds numbers, not %r" % (x,))


def describe(m: Matrix) -> str:
    """A matrix's shape in words, as error messages use it.

    >>> describe([[1, 2, 3]])
    '1x3 matrix'
    """
    rows, cols = shape(m)
    return "%dx%d matrix" % (rows, cols)


def _as_rows(a: Union[Vector, Matrix]) -> Tuple[Matrix, bool]:
    """A matrix as it is, or a plain list as a matrix of one row; and whether it was a plain list.

    >>> _as_rows([1, 0, 0])
    ([[1, 0, 0]], True)
    """
    vector = isinstance(a, (list, tuple)) and bool(a) and not isinstance(a[0], (list, tuple))
    return ([a] if vector else a), vector


def transpose(m: Matrix) -> Matrix:
    """Rows become columns: numpy's m.T.

    >>> transpose([[0, 0, 1], [0, 1, 1]])
    [[0, 0], [0, 1], [1, 1]]
    """
    cols = shape(m)[1]
    return [[row[j] for row in m] for j in range(cols)]  # column j of m, as a row


def dot(a: Union[Vector, Matrix], b: Matrix) -> Union[Vector, Matrix]:
    """The matrix product a·b; a plain list for `a` gives a plain list, as numpy's dot does.

    Entry [i][j] is row i of `a` times column j of `b`:
    a[i][0]*b[0][j] + a[i][1]*b[1][j] + ..., added up from left to right, the
    order numpy adds them in.

    >>> dot([[1, 2], [3, 4]], [[5], [6]])
    [[17.0], [39.0]]
    >>> dot([1, 0, 0], [[0.5], [2.0], [3.0]])
    [0.5]
    """
    rows, vector = _as_rows(a)
    (a_rows, a_cols), (b_rows, b_cols) = shape(rows), shape(b)
    if a_cols != b_rows:
        left = "vector of %d" % a_cols if vector else "%dx%d matrix" % (a_rows, a_cols)
        raise ValueError("cannot dot a %s with a %dx%d matrix: %d columns against %d rows"
                         % (left, b_rows, b_cols, a_cols, b_rows))
    product = []
    try:
        for row in rows:
            product_row = []
            for j in range(b_cols):
                # the sum written out, by index as in the formula: a call per
                # entry, or building b's columns, would cost more than the sum
                total = 0.0
                for k in range(a_cols):
                    total += row[k] * b[k][j]
                product_row.append(total)
            product.append(product_row)
    except TypeError:
        _check_numbers(rows, b)
        raise
    return product[0] if vector else product


def _added_up(numbers) -> float:
    """Numbers added one after another, from 0.0.

    Not sum(): from Python 3.12 sum() adds floats with extra precision, so it
    would print other last digits than Python 3.8 (and numpy) do.  Starting
    from 0.0 also rejects what is not a number: 0.0 + 'aa' raises, where
    'a' * 2 did not.

    >>> _added_up([0.1, 0.2, 0.3])
    0.6000000000000001
    """
    total = 0.0
    for x in numbers:
        total += x
    return total


def elementwise(operation, a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """operation(x, y) for each pair of entries of two same-shape matrices, or of a matrix and a number.

    Each result has 0 taken from it: that leaves every number as it was,
    but raises a TypeError for the strings and lists that + and * build
    ('a' + 'b', [1] * 2), so every operation accepts numbers only.

    >>> elementwise(sub, 1, [[0.25, 0.75]])
    [[0.75, 0.25]]
    """
    try:
        if isinstance(a, (int, float)):
            shape(b)
            return [[z - 0 for z in map(operation, repeat(a), row)] for row in b]
        if isinstance(b, (int, float)):
            shape(a)
            return [[z - 0 for z in map(operation, row, repeat(b))] for row in a]
        if shape(a) != shape(b):
            raise ValueError("cannot combine a %s with a %s entry by entry: the shapes differ"
                             % (describe(a), describe(b)))
        return [[z - 0 for z in map(operation, row_a, row_b)] for row_a, row_b in zip(a, b)]
    except TypeError:
        _check_numbers(*[m for m in (a, b) if not isinstance(m, (int, float))])
        raise


def add_matrices(a, b):
    """a + b, entry by entry.

    >>> add_matrices([[1, 2]], [[10, 20]])
    [[11, 22]]
    """
    return elementwise(add, a, b)


def subtract(a, b):
    """a - b, entry by entry.

    >>> subtract([[0], [1]], [[0.25], [0.75]])
    [[-0.25], [0.25]]
    """
    return elementwise(sub, a, b)


def multiply(a, b):
    """a * b, entry by entry (numpy's *, not the matrix product).

    >>> multiply([[1, 2]], [[3, 4]])
    [[3, 8]]
    >>> multiply(2, [[0.5, 4]])
    [[1.0, 8]]
    """
    return elementwise(mul, a, b)


def mean_absolute(m: Matrix) -> float:
    """The mean of the entries' sizes: numpy's mean(abs(m)), how far off a layer is on average.

    >>> mean_absolute([[0.5], [-0.25]])
    0.375
    """
    rows, cols = shape(m)
    try:
        return _added_up(abs(x) for row in m for x in row) / (rows * cols)
    except TypeError:
        _check_numbers(m)
        raise


# ---------------------------------------------------------------------------
# 3. The sigmoid and its slope
# ---------------------------------------------------------------------------

def sigmoid(m: Union[Vector, Matrix]) -> Union[Vector, Matrix]:
    """1 / (1 + e^-x) for each entry: squashes any number into 0..1.

    Large negative x would overflow math.exp (past about -709); numpy's
    exp gives inf there and 1 / (1 + inf) is 0.0, so we return 0.0 too.

    >>> sigmoid([[0, 2], [-800, float("inf")]])
    [[0.5, 0.8807970779778823], [0.0, 1.0]]
    >>> sigmoid([0.0])
    [0.5]
    """
    rows, vector = _as_rows(m)
    shape(rows)
    try:
        squashed = _squashed(rows, math.exp)
    except OverflowError:
        # Rare, so only then the slower exp that gives inf as numpy's does.
        squashed = _squashed(rows, _exp_or_inf)
    except TypeError:
        _check_numbers(rows)
        raise
    return squashed[0] if vector else squashed


def _squashed(rows: Matrix, exp) -> Matrix:
    """1 / (1 + exp(-x)) for each entry, with the exp given."""
    return [[1 / (1 + exp(-x)) for x in row] for row in rows]


def _exp_or_inf(x: float) -> float:
    """math.exp, but inf where it would overflow, as numpy's exp gives.

    >>> _exp_or_inf(800), _exp_or_inf(0)
    (inf, 1.0)
    """
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def sigmoid_slope(output: Matrix) -> Matrix:
    """The sigmoid's slope at each point, given the sigmoid's *output* there.

    If o = sigmoid(x), the slope of the curve at x is o * (1 - o).  The
    programs already hold o (it is the layer's output), so they pass that
    in, not x: no second exp is needed.  This is what the posts call the
    "derivative" (Trask's nonlin(x, deriv=True)), and it only gives the right
    answer when handed a sigmoid's output.  The slope is largest, 0.25, at
    o = 0.5, where the neuron is least sure, and close to 0 where it is
    confident (o near 0 or 1), so confident neurons are nudged least.

    >>> sigmoid_slope([[0.5, 0.9]])
    [[0.25, 0.08999999999999998]]
    """
    shape(output)
    try:
        return [[o * (1 - o) for o in row] for row in output]
    except TypeError:
        _check_numbers(output)
        raise


# ---------------------------------------------------------------------------
# 4. The programs of the posts
#
# Each runs the post's computation with the post's variable names and
# returns what it computed; printing them is left to section 5.  Each also
# takes an optional `trace`, called once an iteration with what it computed
# under the post's names, so --trace can look inside without changing them.
#
# One departure: where a post transposes its examples every iteration (X.T),
# the program does it once, before the loop, and calls it X_T (or
# training_set_inputs_T, in Milo's names).  numpy's .T costs nothing (it
# reads the same numbers the other way round); ours builds a new matrix, and
# the examples never change.
# ---------------------------------------------------------------------------

# Milo's training set: the output is the first input.
MILO_INPUTS = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
MILO_OUTPUTS = [[0], [1], [1], [0]]
NEW_SITUATION = [1, 0, 0]

# Trask's inputs; his 2-layer targets copy the first input, his 3-layer targets
# are the exclusive-or of the first two, which no single neuron can learn.
TRASK_INPUTS = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
TRASK_2LAYER_OUTPUTS = [[0], [0], [1], [1]]
TRASK_3LAYER_OUTPUTS = [[0], [1], [1], [0]]


def nine_lines(seed: int = 1, iterations: int = 10000, trace=None) -> dict:
    """Milo's 9-line neuron: return its trained weights and its answer for [1, 0, 0]."""
    training_set_inputs, training_set_outputs = MILO_INPUTS, MILO_OUTPUTS
    training_set_inputs_T = transpose(training_set_inputs)
    synaptic_weights = random_weights(numpy_random(seed), 3, 1)
    for iteration in range(iterations):
        output = sigmoid(dot(training_set_inputs, synaptic_weights))
        synaptic_weights = add_matrices(synaptic_weights, dot(
            training_set_inputs_T,
            multiply(subtract(training_set_outputs, output), sigmoid_slope(output))))
        if trace:
            trace(iteration, output=output, synaptic_weights=synaptic_weights)
    return {"synaptic_weights": synaptic_weights,
            "answer": sigmoid(dot(NEW_SITUATION, synaptic_weights))}


class NeuralNetwork:
    """Milo's longer version: one neuron with 3 inputs, as a class."""

    def __init__(self, seed: int = 1):
        # Weights from -1 to 1, drawn as numpy draws them after seed(seed).
        self.synaptic_weights = random_weights(numpy_random(seed), 3, 1)

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int, trace=None) -> None:
        """Nudge the weights, a little each time, toward giving the known outputs."""
        training_set_inputs_T = transpose(training_set_inputs)
        for iteration in range(number_of_training_iterations):
            output = self.think(training_set_inputs)
            error = subtract(training_set_outputs, output)
            # Adjust each weight by its input times the error, scaled by the
            # slope: inputs of 0 leave their weight alone, confident answers
            # (where the slope is flat) change little.
            adjustment = dot(training_set_inputs_T, multiply(error, sigmoid_slope(output)))
            self.synaptic_weights = add_matrices(self.synaptic_weights, adjustment)
            if trace:
                trace(iteration, output=output, error=error, adjustment=adjustment,
                      synaptic_weights=self.synaptic_weights)

    def think(self, inputs: Union[Vector, Matrix]) -> Union[Vector, Matrix]:
        """The neuron's answer: the sigmoid of the inputs' weighted sum."""
        return sigmoid(dot(inputs, self.synaptic_weights))


def neuron(seed: int = 1, iterations: int = 10000, trace=None) -> dict:
    """Milo's class-based program: starting weights, trained weights, the answer for [1, 0, 0]."""
    neural_network = NeuralNetwork(seed)
    starting_weights = neural_network.synaptic_weights
    neural_network.train(MILO_INPUTS, MILO_OUTPUTS, iterations, trace)
    return {"starting_weights": starting_weights,
            "synaptic_weights": neural_network.synaptic_weights,
            "answer": neural_network.think(NEW_SITUATION)}


def two_layer(seed: int = 1, iterations: int = 10000, trace=None) -> dict:
    """Trask's 2-layer network: return l1 (its output in the last iteration) and the trained syn0."""
    X, y = TRASK_INPUTS, TRASK_2LAYER_OUTPUTS
    X_T = transpose(X)
    syn0 = random_weights(numpy_random(seed), 3, 1)
    for iter in range(iterations):
        # forward: each example's weighted sum, squashed into 0..1
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        # how far off, scaled by how unsure each answer was
        l1_error = subtract(y, l1)
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        # each weight moves by its inputs times those deltas
        syn0 = add_matrices(syn0, dot(X_T, l1_delta))  # l0 is X
        if trace:
            trace(iter, l0=l0, l1=l1, l1_error=l1_error, l1_delta=l1_delta, syn0=syn0)
    return {"l1": l1, "syn0": syn0}


def three_layer(seed: int = 1, iterations: int = 60000, trace=None) -> dict:
    """Trask's 3-layer network: return the error every 10,000 iterations, and l2, syn0, syn1."""
    X, y = TRASK_INPUTS, TRASK_3LAYER_OUTPUTS
    X_T = transpose(X)
    rng = numpy_random(seed)
    syn0 = random_weights(rng, 3, 4)
    syn1 = random_weights(rng, 4, 1)
    errors = []
    for j in range(iterations):
        # forward, layer by layer
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_error = subtract(y, l2)
        if j % 10000 == 0:
            errors.append(mean_absolute(l2_error))
        l2_delta = multiply(l2_error, sigmoid_slope(l2))
        # backpropagation: l1's share of the blame is l2_delta sent back
        # through the weights it came through
        l1_error = dot(l2_delta, transpose(syn1))
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        syn1 = add_matrices(syn1, dot(transpose(l1), l2_delta))
        syn0 = add_matrices(syn0, dot(X_T, l1_delta))  # l0 is X
        if trace:
            trace(j, l0=l0, l1=l1, l2=l2, l2_error=l2_error, l2_delta=l2_delta,
                  l1_error=l1_error, l1_delta=l1_delta, syn1=syn1, syn0=syn0)
    return {"errors": errors, "l2": l2, "syn0": syn0, "syn1": syn1}


def eleven_lines(seed: int = 1, iterations: int = 60000, trace=None) -> dict:
    """Trask's 11-line network, the 3-layer one written tersely: return its last l2, syn0 and syn1."""
    X, y = TRASK_INPUTS, TRASK_3LAYER_OUTPUTS
    X_T = transpose(X)
    rng = numpy_random(seed)
    syn0, syn1 = random_weights(rng, 3, 4), random_weights(rng, 4, 1)
    for j in range(iterations):
        l1 = sigmoid(dot(X, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_delta = multiply(subtract(y, l2), sigmoid_slope(l2))
        l1_delta = multiply(dot(l2_delta, transpose(syn1)), sigmoid_slope(l1))
        syn1 = add_matrices(syn1, dot(transpose(l1), l2_delta))
        syn0 = add_matrices(syn0, dot(X_T, l1_delta))
        if trace:
            trace(j, l1=l1, l2=l2, l2_delta=l2_delta, l1_delta=l1_delta, syn1=syn1, syn0=syn0)
    return {"l2": l2, "syn0": syn0, "syn1": syn1}


# ---------------------------------------------------------------------------
# 5. Printing like the posts
#
# The posts printed with numpy 1.13 under Python 2.  These functions write
# numbers exactly as those did, so the output can be compared digit by digit.
# ---------------------------------------------------------------------------

NUMPY_PRECISION = 8
NUMPY_LINE_WIDTH = 75


def format_matrix(m: Union[Vector, Matrix]) -> str:
    """A matrix (or a plain list) as numpy 1.13 printed it.

    >>> print(format_matrix([[9.672993027737, -0.2078435], [-4.62963669, 1.0]]))
    [[ 9.67299303 -0.2078435 ]
     [-4.62963669  1.        ]]
    >>> print(format_matrix([0.9999370428]))
    [ 0.99993704]
    >>> print(format_matrix([[1.23456789e-05], [0.999876543]]))
    [[  1.23456789e-05]
     [  9.99876543e-01]]
    """
    if m and not isinstance(m[0], (list, tuple)):
        return _format_row(m, _number_format(m), " ") + "]"
    shape(m)
    number = _number_format([x for row in m for x in row])
    rows = [_format_row(row, number, "  ") for row in m]
    return "[" + "]\n ".join(rows) + "]]"


def _format_row(row: Vector, number, indent: str) -> str:
    """'[' and a row's numbers, one space apart, wrapped before numpy's 75 columns."""
    line, lines = indent, []
    for i, x in enumerate(row):
        word = number(x)
        if len(line) + len(word) > NUMPY_LINE_WIDTH:
            lines.append(line.rstrip())
            line = indent
        line += word if i == len(row) - 1 else word + " "
    lines.append(line)
    return "[" + "\n".join(lines)[len(indent):]


def _number_format(numbers: Vector):
    """The function that writes each number of an array, chosen from all of them as numpy 1.13 did."""
    finite = [abs(x) for x in numbers if math.isfinite(x) and x != 0]
    biggest, smallest = (max(finite), min(finite)) if finite else (0.0, 0.0)
    specials = any(not math.isfinite(x) for x in numbers)
    if finite and (biggest >= 1e8 or smallest < 0.0001 or biggest / smallest > 1000):
        # Scientific: 8 digits after the point, exponents of 2 digits, or 3 for all
        # when any needs 3.
        three_digits = 0 < smallest < 1e-99 or biggest >= 1e100
        width = 8 + NUMPY_PRECISION + three_digits

        def scientific(x):
            if not math.isfinite(x):
                return _special(x, width)
            text = "%*.*e" % (width, NUMPY_PRECISION, x)
            if three_digits and text[-3] in "+-":
                text = text[1:-2] + "0" + text[-2:]
            return text
        return scientific
    # Fixed point: as many decimals as the longest number needs, at most 8;
    # a column for the sign even when nothing is negative.
    decimals = max((_decimals_needed(x) for x in finite), default=0)
    width = len(str(int(biggest))) + decimals + 2
    if specials:
        width = max(width, 4)

    def fixed(x):
        if not math.isfinite(x):
            return _special(x, width)
        text = "%#*.*f" % (width, decimals, x)
        digits = text.rstrip("0")
        return digits + " " * (len(text) - len(digits))
    return fixed


def _decimals_needed(x: float) -> int:
    """How many of the first 8 decimals of x are needed before only zeros follow.

    >>> _decimals_needed(0.25), _decimals_needed(1 / 3), _decimals_needed(2.0)
    (2, 8, 0)
    """
    return len(("%.*f" % (NUMPY_PRECISION, x)).rstrip("0").split(".")[1])


def _special(x: float, width: int) -> str:
    return ("nan" if math.isnan(x) else "inf" if x > 0 else "-inf").rjust(width)


def format_error(x: float) -> str:
    """A float as Python 2's str() wrote it: 12 significant digits.

    >>> format_error(0.4964100319027255), format_error(0.5), format_error(1.0)
    ('0.496410031903', '0.5', '1.0')
    """
    text = "%.12g" % x
    if text.lstrip("-").isdigit():
        text += ".0"
    return text


def print_nine_lines(result: dict) -> None:
    print(format_matrix(result["answer"]))


def print_neuron(result: dict) -> None:
    print("Random starting synaptic weights: ")
    print(format_matrix(result["starting_weights"]))
    print("New synaptic weights after training: ")
    print(format_matrix(result["synaptic_weights"]))
    print("Considering new situation [1, 0, 0] -> ?: ")
    print(format_matrix(result["answer"]))


def print_two_layer(result: dict) -> None:
    print("Output After Training:")
    print(format_matrix(result["l1"]))


def print_three_layer(result: dict) -> None:
    for error in result["errors"]:
        print("Error:" + format_error(error))


def print_eleven_lines(result: dict) -> None:
    print(format_matrix(result["l2"]))


def format_number(x: Number) -> str:
    """A number as Python 2's str() wrote it: a whole number as it is, a float by format_error.

    >>> format_number(10), format_number(0.001), format_number(1.0)
    ('10', '0.001', '1.0')
    """
    return str(x) if isinstance(x, int) else format_error(x)


# What --trace says about each name a program hands to its trace: one line
# each, so a reader knows what the matrix below it is.
TRACE_NOTES = {
    # Milo's neuron (nine-lines, neuron)
    "output": "the neuron's answer for each example: sigmoid(inputs . weights)",
    "error": "how far off each answer is: the known output minus output",
    "adjustment": "each weight's change: inputs^T . (error * sigmoid slope at output)",
    "synaptic_weights": "the neuron's weights, one per input, after this adjustment",
    # Milo's two layers (multi-layer)
    "output_from_layer_1": "layer 1's outputs: sigmoid(inputs . layer 1's weights)",
    "output_from_layer_2": "the answers: sigmoid(output_from_layer_1 . layer 2 weights)",
    "layer2_error": "how far off each answer is: the known output minus the answer",
    "layer2_delta": "layer2_error times the sigmoid's slope at the answers",
    "layer1_error": "layer 1's share of the blame: layer2_delta . layer 2's weights^T",
    "layer1_delta": "layer1_error times the sigmoid's slope at output_from_layer_1",
    "layer1_adjustment": "layer 1's change: inputs^T . layer1_delta",
    "layer2_adjustment": "layer 2's change: output_from_layer_1^T . layer2_delta",
    "layer1": "layer 1's weights (a column per neuron), after this adjustment",
    "layer2": "layer 2's weights, after this adjustment",
    # Trask's networks (two-layer, three-layer, eleven-lines, gradient-descent)
    "alpha": "the learning rate: each update is multiplied by it",
    "l0": "layer 0, the inputs X: one training example a row",
    "l1": "layer 1's outputs: sigmoid(l0 . syn0)",
    "l2": "layer 2's outputs (in Trask's network, the answers): sigmoid(l1 . syn1)",
    "l2_error": "y - l2 (Part 2: l2 - y) if l2 is the answer, else l3_delta . syn2^T",
    "l2_delta": "l2_error times the sigmoid's slope at l2: sure answers move least",
    "l1_error": "l1's blame: y - l1 if l1 is the answer, else l2_delta . syn1^T",
    "l1_delta": "l1_error times the sigmoid's slope at l1",
    "syn1_update": "syn1's step before alpha scales it: l1^T . l2_delta",
    "syn0_update": "syn0's step before alpha scales it: l0^T . l1_delta",
    "syn1": "the weights from layer 1 to layer 2, after this update",
    "syn0": "the weights from layer 0 to layer 1, after this update",
}


def trace_note(name: str) -> str:
    """What a traced name holds: its note in TRACE_NOTES, or, for train's deeper layers, by its form.

    >>> trace_note("l3_delta"), trace_note("syn2_update")
    ("l3_error times the sigmoid's slope at l3", "syn2's step before alpha scales it: l2^T . l3_delta")
    """
    if name in TRACE_NOTES:
        return TRACE_NOTES[name]
    layer, _, part = name.partition("_")
    if layer.startswith("syn"):
        k = int(layer[3:])
        if part == "update":
            return "syn%d's step before alpha scales it: l%d^T . l%d_delta" % (k, k, k + 1)
        return "the weights from layer %d to layer %d, after this update" % (k, k + 1)
    k = int(layer[1:])
    if part == "error":
        return "l%d's blame: y - l%d if l%d is the answer, else l%d_delta . syn%d^T" % (
            k, k, k, k + 1, k)
    if part == "delta":
        return "l%d_error times the sigmoid's slope at l%d" % (k, k)
    return "layer %d's outputs: sigmoid(l%d . syn%d)" % (k, k - 1, k - 1)


def print_trace(iteration: int, names_to_matrices: dict) -> None:
    """Print what one iteration computed: each name, its note, its value."""
    print("--- iteration %d ---" % iteration)
    for name, value in names_to_matrices.items():
        print("%s: %s" % (name, trace_note(name)))
        print(format_matrix(value) if isinstance(value, list) else format_number(value))


def tracer(iterations: int):
    """The `trace` a program calls every iteration: it prints the first one and the last.

    >>> trace = tracer(3)
    >>> for j in range(3):
    ...     trace(j, l1=[[0.5 * j]])
    --- iteration 0 ---
    l1: layer 1's outputs: sigmoid(l0 . syn0)
    [[ 0.]]
    --- iteration 2 ---
    l1: layer 1's outputs: sigmoid(l0 . syn0)
    [[ 1.]]
    """
    def trace(iteration, **names_to_matrices):
        if iteration in (0, iterations - 1):
            print_trace(iteration, names_to_matrices)
    return trace


# ---------------------------------------------------------------------------
# 6. Beyond the seed: the follow-up posts
#
# Both authors went on.  Milo stacked a second layer of neurons under his
# one; Trask rewrote his 3-layer network as gradient descent with a learning
# rate, alpha, and watched what too large a step does.  Built from the same
# helpers as the posts' programs, computed first and printed after.
# ---------------------------------------------------------------------------

# Milo's follow-up data, 7 examples: the exclusive-or of the first two
# inputs, the third a distraction; [1, 1, 0] is the combination held back.
MULTILAYER_INPUTS = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0]]
MULTILAYER_OUTPUTS = [[0], [1], [1], [1], [1], [0], [0]]
MULTILAYER_NEW_SITUATION = [1, 1, 0]


class NeuronLayer:
    """Milo's layer of neurons: its weights are one column per neuron, one row per input."""

    def __init__(self, number_of_neurons: int, number_of_inputs_per_neuron: int,
                 rng: random.Random):
        self.synaptic_weights = random_weights(rng, number_of_inputs_per_neuron, number_of_neurons)


class MultiLayerNeuralNetwork:
    """Milo's follow-up NeuralNetwork (renamed: his one-neuron class above has that name)."""

    def __init__(self, layer1: NeuronLayer, layer2: NeuronLayer):
        self.layer1, self.layer2 = layer1, layer2

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int, trace=None) -> None:
        """Backpropagation as in Trask's 3-layer network, with Milo's names."""
        training_set_inputs_T = transpose(training_set_inputs)
        for iteration in range(number_of_training_iterations):
            output_from_layer_1, output_from_layer_2 = self.think(training_set_inputs)
            layer2_error = subtract(training_set_outputs, output_from_layer_2)
            layer2_delta = multiply(layer2_error, sigmoid_slope(output_from_layer_2))
            layer1_error = dot(layer2_delta, transpose(self.layer2.synaptic_weights))
            layer1_delta = multiply(layer1_error, sigmoid_slope(output_from_layer_1))
            # both adjustments are worked out before either layer changes
            layer1_adjustment = dot(training_set_inputs_T, layer1_delta)
            layer2_adjustment = dot(transpose(output_from_layer_1), layer2_delta)
            self.layer1.synaptic_weights = add_matrices(self.layer1.synaptic_weights,
                                                        layer1_adjustment)
            self.layer2.synaptic_weights = add_matrices(self.layer2.synaptic_weights,
                                                        layer2_adjustment)
            if trace:
                trace(iteration, output_from_layer_1=output_from_layer_1,
                      output_from_layer_2=output_from_layer_2, layer2_error=layer2_error,
                      layer2_delta=layer2_delta, layer1_error=layer1_error,
                      layer1_delta=layer1_delta, layer1_adjustment=layer1_adjustment,
                      layer2_adjustment=layer2_adjustment, layer1=self.layer1.synaptic_weights,
                      layer2=self.layer2.synaptic_weights)

    def think(self, inputs: Union[Vector, Matrix]) -> tuple:
        """Both layers' outputs: layer 1's feed layer 2."""
        output_from_layer1 = sigmoid(dot(inputs, self.layer1.synaptic_weights))
        output_from_layer2 = sigmoid(dot(output_from_layer1, self.layer2.synaptic_weights))
        return output_from_layer1, output_from_layer2


def multi_layer(seed: int = 1, iterations: int = 60000, trace=None) -> dict:
    """Milo's multi-layered network: the weights before and after, the answer for [1, 1, 0]."""
    rng = numpy_random(seed)
    layer1 = NeuronLayer(4, 3, rng)  # 4 neurons with 3 inputs each, drawn first
    layer2 = NeuronLayer(1, 4, rng)  # 1 neuron with 4 inputs
    neural_network = MultiLayerNeuralNetwork(layer1, layer2)
    starting_weights = (layer1.synaptic_weights, layer2.synaptic_weights)
    neural_network.train(MULTILAYER_INPUTS, MULTILAYER_OUTPUTS, iterations, trace)
    hidden_state, output = neural_network.think(MULTILAYER_NEW_SITUATION)
    return {"starting_weights": starting_weights,
            "synaptic_weights": (layer1.synaptic_weights, layer2.synaptic_weights),
            "output": output}


# Trask's sweep: from far too small a step to far too large.
ALPHAS = [0.001, 0.01, 0.1, 1, 10, 100, 1000]


def gradient_descent(alpha: Number, seed: int = 1, iterations: int = 60000, hidden_size: int = 4,
                     directions: bool = False, trace=None) -> dict:
    """Trask's Part 2: the 3-layer network stepping alpha times its update downhill.

    Returns the error every 10,000 iterations as (iteration, error) pairs and
    the final syn0 and syn1; with `directions`, also how many times each
    weight's update changed direction (the post's third program).
    """
    X, y = TRASK_INPUTS, TRASK_3LAYER_OUTPUTS
    X_T = transpose(X)
    rng = numpy_random(seed)
    syn0 = random_weights(rng, 3, hidden_size)
    syn1 = random_weights(rng, hidden_size, 1)
    syn0_direction_count = [[0.0] * hidden_size for _ in range(3)]
    syn1_direction_count = [[0.0] for _ in range(hidden_size)]
    errors = []
    prev_syn0_update = prev_syn1_update = None  # no update before the first
    for j in range(iterations):
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        l2 = sigmoid(dot(l1, syn1))
        # l2 - y, the other way round from Part 1: it points uphill on the
        # error, so the weights step against it (-=)
        l2_error = subtract(l2, y)
        if j % 10000 == 0:
            errors.append((j, mean_absolute(l2_error)))
        l2_delta = multiply(l2_error, sigmoid_slope(l2))
        l1_error = dot(l2_delta, transpose(syn1))
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        syn1_update = dot(transpose(l1), l2_delta)
        syn0_update = dot(X_T, l1_delta)  # l0 is X
        if directions and j > 0:
            syn0_direction_count = add_matrices(syn0_direction_count,
                                                turned(prev_syn0_update, syn0_update))
            syn1_direction_count = add_matrices(syn1_direction_count,
                                                turned(prev_syn1_update, syn1_update))
        syn1 = subtract(syn1, multiply(alpha, syn1_update))
        syn0 = subtract(syn0, multiply(alpha, syn0_update))
        prev_syn0_update, prev_syn1_update = syn0_update, syn1_update
        if trace:
            trace(j, alpha=alpha, l0=l0, l1=l1, l2=l2, l2_error=l2_error, l2_delta=l2_delta,
                  l1_error=l1_error, l1_delta=l1_delta, syn1_update=syn1_update,
                  syn0_update=syn0_update, syn1=syn1, syn0=syn0)
    result = {"alpha": alpha, "errors": errors, "syn0": syn0, "syn1": syn1}
    if directions:
        result.update(syn0_direction_count=syn0_direction_count,
                      syn1_direction_count=syn1_direction_count)
    return result


def turned(previous: Matrix, update: Matrix) -> Matrix:
    """1.0 where an update points the other way (up or not up) from the previous one, else 0.0.

    >>> turned([[0.5, -0.5, 0.0]], [[0.25, 0.5, -1.0]])
    [[0.0, 1.0, 0.0]]
    """
    return elementwise(lambda before, now: float((before > 0) != (now > 0)), previous, update)


def gradient_descent_sweep(seed: int = 1, iterations: int = 60000, alphas: Sequence = ALPHAS,
                           hidden_size: int = 4, directions: bool = False, trace=None) -> list:
    """Part 2's experiment: gradient_descent once for each alpha, each from the same seed."""
    return [gradient_descent(alpha, seed, iterations, hidden_size, directions, trace)
            for alpha in alphas]


def print_weights(layer1: Matrix, layer2: Matrix) -> None:
    """Both layers' weights under Milo's headings (his print_weights)."""
    print("    Layer 1 (4 neurons, each with 3 inputs): ")
    print(format_matrix(layer1))
    print("    Layer 2 (1 neuron, with 4 inputs):")
    print(format_matrix(layer2))


def print_multi_layer(result: dict) -> None:
    """What Milo's follow-up printed: the weights before and after, then the answer."""
    print("Stage 1) Random starting synaptic weights: ")
    print_weights(*result["starting_weights"])
    print("Stage 2) New synaptic weights after training: ")
    print_weights(*result["synaptic_weights"])
    print("Stage 3) Considering a new situation [1, 1, 0] -> ?: ")
    print(format_matrix(result["output"]))


def print_gradient_descent(results: list) -> None:
    """What Trask's Part 2 printed for each alpha (with direction counts: his third program)."""
    for result in results:
        print()
        print("Training With Alpha:" + format_number(result["alpha"]))
        directions = "syn0_direction_count" in result
        for j, error in result["errors"]:
            # the post's third program printed its errors without the count
            print(("Error:" if directions else "Error after %d iterations:" % j)
                  + format_error(error))
        if directions:
            for number in "01":
                print("Synapse " + number)
                print(format_matrix(result["syn" + number]))
                print("Synapse %s Update Direction Changes" % number)
                print(format_matrix(result["syn%s_direction_count" % number]))


# ---------------------------------------------------------------------------
# 7. The playground
#
# What a class tries after the posts: other data, other layer sizes, more
# iterations, a learning rate, a bias; and two pictures, the error curve and
# the S curve.  The network trains with the posts' own arithmetic (the helpers
# above), so the posts' settings give the posts' numbers.
# ---------------------------------------------------------------------------

# Logic gates of the first two inputs, on Trask's inputs (the third is always 1).
AND_OUTPUTS = [[0], [0], [0], [1]]
OR_OUTPUTS = [[0], [1], [1], [1]]

DATASETS = {
    "milo": (MILO_INPUTS, MILO_OUTPUTS, "Milo's table: the answer is the first input"),
    "trask": (TRASK_INPUTS, TRASK_3LAYER_OUTPUTS,
              "Trask's 3-layer table: the exclusive-or of the first two inputs"),
    "trask-2layer": (TRASK_INPUTS, TRASK_2LAYER_OUTPUTS,
                     "Trask's 2-layer table: the answer is the first input"),
    "multi-layer": (MULTILAYER_INPUTS, MULTILAYER_OUTPUTS, "Milo's multi-layer table, 7 examples"),
    "and": (TRASK_INPUTS, AND_OUTPUTS, "1 when both of the first two inputs are 1"),
    "or": (TRASK_INPUTS, OR_OUTPUTS, "1 when either of the first two inputs is 1"),
    "xor": (TRASK_INPUTS, TRASK_3LAYER_OUTPUTS, "1 when exactly one of the first two inputs is 1"),
}

TABLE_MAX_INPUTS = 10   # --table lists 2**inputs rows: 1024 at most


def parse_examples(lines: Sequence[str], name: str = "data") -> Tuple[Matrix, Matrix]:
    """The inputs and targets in CSV lines (the target last); a first line of names is skipped.

    Blank lines are ignored; every other line must have as many fields as the
    first.  One target a line: the network has one output neuron.

    >>> parse_examples(["a,b,answer", "0, 1, 1", "", "1,1,0.5"])
    ([[0, 1], [1, 1]], [[1], [0.5]])
    """
    X, y, fields, first = [], [], None, None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = "%s line %d" % (name, number)
        try:
            cells = [cell.strip() for cell in next(csv.reader([line]))]
        except csv.Error as error:
            raise ValueError("%s: %s" % (where, error))
        values = [_csv_number(cell) for cell in cells]
        if first is None:
            first, fields = number, len(cells)
            if fields < 2:
                raise ValueError("%s: %d field, but a line needs the inputs and then the "
                                 "target, at least 2 fields" % (where, fields))
            if None in values:
                continue  # a header: names, not numbers
        if len(cells) != fields:
            raise ValueError("%s: %d fields, but line %d has %d (the inputs, then the target)"
                             % (where, len(cells), first, fields))
        for column, (cell, value) in enumerate(zip(cells, values), 1):
            if value is None or not math.isfinite(value):
                raise ValueError("%s, column %d: %r is not a %snumber"
                                 % (where, column, cell, "finite " if value is not None else ""))
        if not 0 <= values[-1] <= 1:
            raise ValueError("%s, column %d: the target %s is outside 0..1, where the sigmoid "
                             "answers" % (where, fields, cells[-1]))
        X.append(values[:-1])
        y.append(values[-1:])
    if not X:
        raise ValueError("%s has no examples" % name)
    return X, y


def _csv_number(cell: str):
    """A cell's number (int when it is written as one), or None when it is not a number.

    >>> _csv_number("1"), _csv_number("0.25"), _csv_number("x")
    (1, 0.25, None)
    """
    for kind in (int, float):
        try:
            return kind(cell)
        except ValueError:
            pass
    return None


def read_examples(path: str) -> Tuple[Matrix, Matrix]:
    """The examples of a CSV file, opened only for reading."""
    try:
        with open(path, encoding="utf-8-sig") as file:
            text = file.read()
    except OSError as error:
        raise ValueError("cannot read %s: %s" % (path, error.strerror or error))
    except UnicodeDecodeError:
        raise ValueError("cannot read %s: it is not UTF-8 text" % path)
    return parse_examples(text.split("\n"), path)


def load_data(name_or_path: str) -> Tuple[Matrix, Matrix, str]:
    """The inputs, targets and a description of a named table (see DATASETS) or of a CSV file.

    A name wins over a file of the same name: ./xor reads a file called xor.

    >>> load_data("and")[1]
    [[0], [0], [0], [1]]
    """
    if name_or_path in DATASETS:
        return DATASETS[name_or_path]
    X, y = read_examples(name_or_path)
    return X, y, "%d examples of %d inputs" % (len(X), len(X[0]))


def parse_numbers(text: str, what: str, example: str = "1,0,0") -> Vector:
    """Numbers separated by commas, as options take them.

    >>> parse_numbers("1, 0,0.5", "--ask")
    [1, 0, 0.5]
    """
    numbers = [_csv_number(part.strip()) for part in text.split(",")]
    if None in numbers or not all(map(math.isfinite, numbers)):
        raise ValueError("%s takes numbers separated by commas, like %s; got %r"
                         % (what, example, text))
    return numbers


def parse_layers(text: str) -> List[int]:
    """Layer sizes from '3,4,1': the number of inputs, then each layer's neurons.

    >>> parse_layers("3,4,1")
    [3, 4, 1]
    """
    sizes = parse_numbers(text, "--layers", "3,4,1")
    if not all(isinstance(size, int) for size in sizes):
        raise ValueError("--layers takes whole numbers, like 3,4,1; got %r" % text)
    if len(sizes) < 2:
        raise ValueError("--layers needs at least two sizes, the inputs and the outputs "
                         "(like 3,1); got %r" % text)
    return sizes


def check_network(X: Matrix, y: Matrix, layers: Sequence[int], bias: bool = False) -> None:
    """Raise ValueError unless layers of these sizes fit the examples X and targets y."""
    (examples, inputs), (targets, outputs) = shape(X), shape(y)
    if examples != targets:
        raise ValueError("%d examples but %d targets" % (examples, targets))
    text = ",".join(map(str, layers))
    if len(layers) < 2 or any(isinstance(n, bool) or not isinstance(n, int) or n < 1
                              for n in layers):
        raise ValueError("layers %s: give two sizes or more, each a whole number of at least 1"
                         % text)
    if layers[0] != inputs:
        raise ValueError("layers %s start with %d inputs, but the data has %d inputs an example%s"
                         % (text, layers[0], inputs,
                            " (--bias adds its constant 1 itself: count only the data's)"
                            if bias else ""))
    if layers[-1] != outputs:
        raise ValueError("layers %s end with %d outputs, but the data has %d target%s an example"
                         % (text, layers[-1], outputs, "" if outputs == 1 else "s"))


def check_training(iterations: int, alpha: float, every: int) -> None:
    """Raise ValueError unless the iterations, learning rate and reporting interval make sense."""
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)) or not 0 < alpha < math.inf:
        raise ValueError("alpha must be a number more than 0, got %r" % (alpha,))
    if iterations < 0:
        raise ValueError("iterations must be 0 or more, got %d" % iterations)
    if every < 0:
        raise ValueError("every must be 0 (never) or more, got %d" % every)


def _with_bias(m: Union[Vector, Matrix], bias: bool) -> Union[Vector, Matrix]:
    """The inputs with a constant 1 added to each example when bias is on.

    >>> _with_bias([[0, 1], [1, 1]], True), _with_bias([0, 1], True)
    ([[0, 1, 1], [1, 1, 1]], [0, 1, 1])
    """
    if not bias:
        return m
    if m and isinstance(m[0], (list, tuple)):
        return [list(row) + [1] for row in m]
    return list(m) + [1]


def forward(weights: Sequence[Matrix], inputs: Union[Vector, Matrix],
            bias: bool = False) -> List[Union[Vector, Matrix]]:
    """Every layer's output, l0 (the inputs) first: each the sigmoid of the one before times its weights.

    >>> forward([[[0.0], [0.0]]], [1, 1])
    [[1, 1], [0.5]]
    """
    outputs = [inputs]
    for synapses in weights:
        outputs.append(sigmoid(dot(_with_bias(outputs[-1], bias), synapses)))
    return outputs


def train_network(X: Matrix, y: Matrix, layers: Sequence[int], iterations: int = 10000,
                  alpha: float = 1, seed: int = 1, bias: bool = False, every: int = 0,
                  progress=None, trace=None) -> dict:
    """Train a network of any layer sizes as the posts train theirs; return its weights and errors.

    layers: the number of inputs, then the neurons of each layer ([3, 4, 1] is
    Trask's 3-layer network, [3, 1] Milo's neuron).  Weights are drawn layer by
    layer as the posts draw syn0, then syn1: 2*random((inputs, neurons)) - 1.
    Each iteration: forward through the layers; the last layer's error is
    y - output; each layer's delta is its error times the sigmoid's slope, and
    the error of the layer before is that delta sent back through the weights
    (before they change); each weight matrix then grows by alpha times its
    inputs' transpose times its delta.  With alpha 1 and no bias this is the
    posts' arithmetic exactly.

    bias: adds a constant input of 1 to every layer, its weights an extra last
    row.  Without it, an all-zero input makes every first-layer neuron's
    weighted sum 0, whatever its weights, and sigmoid(0) = 0.5: no training
    can move that answer (a single neuron says 0.5 for [0, 0, 0] forever).
    The bias's weight is always in play, so it shifts each neuron's S curve
    left or right and lets it say 0 or 1 when all real inputs are 0.

    every, progress: progress(iteration, error) is called every `every`
    iterations from 0, as training goes (for long runs).  trace, when given,
    is called once per iteration as trace(iteration, **names): names maps the
    posts' names (l0, l1, ..., l2_error, l2_delta, l1_error, ..., syn1_update,
    syn1, ...) to that iteration's matrices, the weights after their update.

    Returns layers, bias, starting_weights, weights (syn0 first) and errors:
    the mean absolute error of each iteration, before its update.
    """
    check_network(X, y, layers, bias)
    check_training(iterations, alpha, every)
    rng = numpy_random(seed)
    extra = 1 if bias else 0
    starting_weights = [random_weights(rng, inputs + extra, neurons)
                        for inputs, neurons in zip(layers, layers[1:])]
    weights = list(starting_weights)
    errors = []
    for iteration in range(iterations):
        outputs = forward(weights, X, bias)
        names = {"l%d" % k: output for k, output in enumerate(outputs)}
        error = subtract(y, outputs[-1])
        errors.append(mean_absolute(error))
        if every and iteration % every == 0 and progress:
            progress(iteration, errors[-1])
        # backward, from the last layer to the first
        for k in reversed(range(len(weights))):
            names["l%d_error" % (k + 1)] = error
            delta = names["l%d_delta" % (k + 1)] = multiply(error, sigmoid_slope(outputs[k + 1]))
            update = names["syn%d_update" % k] = dot(transpose(_with_bias(outputs[k], bias)), delta)
            if k:
                # the layer below's share of the blame; the bias row has no neuron behind it
                error = dot(delta, transpose(weights[k][:len(weights[k]) - extra]))
            weights[k] = names["syn%d" % k] = add_matrices(weights[k], multiply(alpha, update))
        if trace:
            trace(iteration, **names)
    return {"layers": list(layers), "bias": bias, "starting_weights": starting_weights,
            "weights": weights, "errors": errors}


def answer(result: dict, situation: Union[Vector, Matrix]) -> Union[Vector, Matrix]:
    """A trained network's answer for a new situation (a list) or several (a matrix).

    >>> answer({"weights": [[[3.0], [-2.0]]], "bias": True}, [0])  # sigmoid(0*3 + 1*-2)
    [0.11920292202211755]
    """
    return forward(result["weights"], situation, result["bias"])[-1]


def check_table(inputs: int) -> None:
    """Raise ValueError when an answer table would be too long to read: 2**inputs rows."""
    if inputs > TABLE_MAX_INPUTS:
        raise ValueError("--table lists every 0/1 combination of the inputs, for up to %d "
                         "inputs (%d rows); this network has %d"
                         % (TABLE_MAX_INPUTS, 2 ** TABLE_MAX_INPUTS, inputs))


def answer_table(result: dict, X: Matrix, y: Matrix) -> List[tuple]:
    """The answer for every 0/1 combination of the inputs, with the targets of matching examples.

    >>> net = {"weights": [[[0.0], [0.0]]], "bias": False}
    >>> answer_table(net, [[1, 1]], [[1]])
    [([0, 0], 0.5, []), ([0, 1], 0.5, []), ([1, 0], 0.5, []), ([1, 1], 0.5, [1])]
    """
    inputs = len(result["weights"][0]) - (1 if result["bias"] else 0)
    check_table(inputs)
    rows = []
    for number in range(2 ** inputs):
        situation = [(number >> bit) & 1 for bit in reversed(range(inputs))]
        targets = [target[0] for example, target in zip(X, y) if example == situation]
        rows.append((situation, answer(result, situation)[0], targets))
    return rows


def error_plot(errors: Sequence[float], width: int = 60, height: int = 15) -> List[str]:
    """The error curve in plain text: iterations across, error up (log scale when it spans a decade).

    >>> lines = error_plot([0.5, 0.4, 0.3, 0.2], width=4, height=3)
    >>> print("\\n".join(lines))
    Mean absolute error by iteration (linear scale)
          0.5 |*
         0.35 | **
          0.2 |   *
              +----
               0  3
               iteration
    """
    if not errors:
        return ["No iterations, so no error curve to draw."]
    columns = min(width, len(errors))
    last = len(errors) - 1
    picked = [errors[round(c * last / (columns - 1)) if columns > 1 else 0] for c in range(columns)]
    finite = [e for e in picked if math.isfinite(e)]
    if not finite:
        return ["The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]
    high, low = max(finite), min(finite)
    # A log scale shows a fall from 0.5 to 0.005 as steadily as one from 0.5
    # to 0.05; on a linear scale all but the first drop would hug the bottom.
    logarithmic = low > 0 and high / low >= 10
    scale = math.log10 if logarithmic else (lambda e: e)
    top, bottom = scale(high), scale(low)

    def row_of(e):
        return 0 if top == bottom else round((scale(e) - bottom) / (top - bottom) * (height - 1))

    def value_at(row):
        v = bottom + (top - bottom) * row / (height - 1)
        return 10 ** v if logarithmic else v

    grid = [[" "] * columns for _ in range(height)]
    previous = None
    for c, e in enumerate(picked):
        if not math.isfinite(e):  # weights that overflowed: nothing to draw here
            previous = None
            continue
        row = row_of(e)
        if previous is not None and abs(previous - row) > 1:
            # a steep drop: join the points so the curve reads as one line
            for between in range(min(previous, row) + 1, max(previous, row)):
                grid[between][c] = ":"
        grid[row][c] = "*"
        previous = row
    labelled = {height - 1, 0, (height - 1) // 2} if top != bottom else {0}
    lines = ["Mean absolute error by iteration (%s)"
             % ("log scale: it spans %.1f decades" % (top - bottom) if logarithmic
                else "linear scale")]
    for row in reversed(range(height)):
        label = "%.3g" % value_at(row) if row in labelled else ""
        lines.append("%9s |%s" % (label, "".join(grid[row]).rstrip()))
    lines.append(" " * 10 + "+" + "-" * columns)
    ticks = [" "] * (columns + 12)
    for c in (0, columns - 1, columns // 2):  # the middle only where it fits
        text = str(round(c * last / (columns - 1)) if columns > 1 else 0)
        start = min(c, columns - len(text)) if c else 0
        if all(ch == " " for ch in ticks[max(start - 1, 0):start + len(text) + 1]):
            ticks[start:start + len(text)] = text
    lines.append(" " * 11 + "".join(ticks).rstrip())
    lines.append(" " * 11 + "iteration".center(columns).rstrip())
    return lines


SIGMOID_FLAT_SLOPE = 0.02


def sigmoid_picture(columns: int = 61, rows: int = 21, reach: float = 6) -> List[str]:
    """The S curve from x = -reach to reach in plain text, its steepest point and flat ends marked."""
    xs = [-reach + 2 * reach * c / (columns - 1) for c in range(columns)]
    ys = sigmoid(xs)
    slopes = sigmoid_slope([ys])[0]
    steepest = max(range(columns), key=slopes.__getitem__)
    flat = [slope < SIGMOID_FLAT_SLOPE for slope in slopes]
    grid = [[" "] * columns for _ in range(rows)]
    for c, y in enumerate(ys):
        grid[round(y * (rows - 1))][c] = "O" if c == steepest else "=" if flat[c] else "*"
    # dotted guides from the steepest point to both axes
    middle = round(ys[steepest] * (rows - 1))
    for c in range(steepest):
        if grid[middle][c] == " ":
            grid[middle][c] = "."
    for r in range(middle):
        if grid[r][steepest] == " ":
            grid[r][steepest] = "."
    per_unit = (columns - 1) / (2 * reach)
    lines = ["The sigmoid y = 1 / (1 + e^-x) squashes every x into 0..1", "   y"]
    for r in reversed(range(rows)):
        label = "%.2f" % (r / (rows - 1)) if r % 5 == 0 else ""
        lines.append("%4s |%s" % (label, "".join(grid[r]).rstrip()))
    # x ticks every whole unit, each number's last digit under its tick
    axis, labels = [], [" "] * (columns + 7)
    for c in range(columns):
        on_tick = round(c / per_unit) == c / per_unit
        axis.append("+" if on_tick and c else "-")  # column 0's tick is the corner
        if on_tick:
            text = "%d" % round(xs[c])
            labels[c + 7 - len(text):c + 7] = text
    lines.append("     +" + "".join(axis) + "  x")
    lines.append("".join(labels).rstrip())
    flat_from = min(abs(x) for x, f in zip(xs, flat) if f)
    lines.append("")
    lines.append("  O  steepest at x = %g: y = %g, slope %g, so unsure neurons learn fastest"
                 % (xs[steepest], ys[steepest], slopes[steepest]))
    lines.append("  =  flat where |x| >= %g: slope below %g, so sure neurons barely change"
                 % (flat_from, SIGMOID_FLAT_SLOPE))
    return lines


def print_lines(lines: Sequence[str]) -> None:
    """Print a picture's lines."""
    print("\n".join(lines))


def print_training(result: dict, asks: Sequence[Vector], table, plot: bool) -> None:
    """What train prints after training: the weights, then the answers and pictures asked for.

    table: None, or the answer table with the training data's X and y.
    """
    bias = result["bias"]
    print("Weights after training%s:" % (" (the last row of each: the bias)" if bias else ""))
    for k, synapses in enumerate(result["weights"]):
        neurons = len(synapses[0])
        print("syn%d (%d inputs%s -> %d neuron%s):" % (k, result["layers"][k], " + bias" if bias
                                                       else "", neurons, "s"[neurons == 1:]))
        print(format_matrix(synapses))
    if result["errors"]:
        print("Error in the last iteration: %s" % format_error(result["errors"][-1]))
    for situation in asks:
        print("New situation %s -> %s" % (situation, format_matrix(answer(result, situation))))
    if table is not None:
        print_answer_table(answer_table(result, *table), result)
    if plot:
        print_lines(error_plot(result["errors"]))


def print_answer_table(rows: List[tuple], result: dict) -> None:
    """The answer table: inputs, answer, and the target where the row was a training example."""
    width = max(len("inputs"), 2 * len(rows[0][0]) - 1)
    print("%-*s  %-10s  %s" % (width, "inputs", "answer", "trained on"))
    for situation, output, targets in rows:
        seen = "yes, target %s" % ", ".join(map(str, targets)) if targets else ""
        print(("%-*s  %.8f  %s" % (width, " ".join(map(str, situation)), output, seen)).rstrip())
    if not result["bias"]:
        # One line, under 80 columns: why the all-zero row says (or starts from) 0.5.
        if len(result["weights"]) == 1:
            print("All zeros give 0.5: weights times 0 add up to 0; sigmoid(0) = 0.5. "
                  "Try --bias.")
        else:
            print("All zeros: the first layer can only say sigmoid(0) = 0.5. Try --bias.")


def run_train(args) -> None:
    """The train command: check the settings and data, train, then print what was asked for."""
    X, y, description = load_data(args.data)
    layers = parse_layers(args.layers) if args.layers else [len(X[0]), 4, len(y[0])]
    check_network(X, y, layers, args.bias)
    try:
        alpha = float(args.alpha)
    except ValueError:
        raise ValueError("--alpha takes a number, like 0.5; got %r" % args.alpha)
    asks = [parse_numbers(text, "--ask") for text in args.ask]
    for situation in asks:
        if len(situation) != layers[0]:
            raise ValueError("--ask %s gives %d number%s, but the network takes %d inputs"
                             % (",".join(map(str, situation)), len(situation),
                                "s"[len(situation) == 1:], layers[0]))
    if args.table:
        check_table(layers[0])  # before a long training run, not after
    iterations = 10000 if args.iterations is None else args.iterations
    check_training(iterations, alpha, args.every)
    print("Data: %s, %s" % (args.data, description))
    print("Training layers %s for %d iterations, alpha %g, seed %d%s"
          % (",".join(map(str, layers)), iterations, alpha, args.seed,
             ", with bias" if args.bias else ""))
    result = train_network(X, y, layers, iterations, alpha, args.seed, args.bias, args.every,
                           progress=lambda iteration, error: print("Error:" + format_error(error)),
                           trace=tracer(iterations) if args.trace else None)
    print_training(result, asks, (X, y) if args.table else None, args.plot)


# ---------------------------------------------------------------------------
# 8. Timing: the bench command
#
# How long an iteration of each program's training takes on this Python.
# ---------------------------------------------------------------------------

BENCH_RUNS = 5
# Iterations a run: the 9-line post's 10,000, so all runs take seconds, and
# PyPy has time to compile the loops (with a few thousand it mostly does not).
BENCH_ITERATIONS = 10000


def run_bench(runs: int = BENCH_RUNS, iterations=None, seed: int = 1) -> None:
    """Train each program `runs` times and print the median run's microseconds an iteration."""
    # Imported only here: at the top they would add about 0.05 s to every
    # start under PyPy, where importing is slow (nothing is compiled yet).
    import platform
    import statistics
    if runs < 1 or (iterations is not None and iterations < 1):
        raise ValueError("bench needs --runs and --iterations of at least 1, got %d and %s"
                         % (runs, iterations))
    print("%s %s: each program's training, the median of %d runs after one to warm up"
          % (platform.python_implementation(), platform.python_version(), runs))
    width = max(len(program.name) for program in PROGRAMS)
    for program in PROGRAMS:
        count = iterations or BENCH_ITERATIONS
        seconds = []
        for _ in range(runs + 1):  # the first run warms up (PyPy compiles the loops then)
            start = time.perf_counter()
            program.run(seed=seed, iterations=count, **program.bench_settings)
            seconds.append(time.perf_counter() - start)
        print("%-*s %9.1f \u00b5s an iteration  (%d iterations a run)"
              % (width, program.name, statistics.median(seconds[1:]) / count * 1e6, count))


# ---------------------------------------------------------------------------
# 9. The command line
# ---------------------------------------------------------------------------

class Program:
    """A post program as the command line knows it."""

    def __init__(self, name, run, show, iterations, min_iterations, summary,
                 in_default_run=True, options=(), bench_settings=None):
        self.name, self.run, self.show = name, run, show
        self.iterations, self.min_iterations, self.summary = iterations, min_iterations, summary
        # in_default_run: whether running pureneuron.py with no PROGRAM runs it;
        # options: its own settings, (flags, argparse keywords) each, whose
        # `dest` names the parameter of `run` it sets; bench_settings: what
        # bench passes to `run` to time one network's training
        self.in_default_run, self.options = in_default_run, options
        self.bench_settings = bench_settings or {}


def _learning_rate(text: str) -> Number:
    """An alpha above 0, kept as Python would print it: '1' gives 1, '0.5' gives 0.5."""
    try:
        alpha = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a number, got %r" % text)
    if not 0 < alpha < math.inf:
        raise argparse.ArgumentTypeError("the learning rate must be above 0 and finite, got %r"
                                         % text)
    try:
        return int(text)
    except ValueError:
        return alpha


def _size(text: str) -> int:
    """A layer's number of neurons: a whole number from 1."""
    size = _whole_number(text)
    if size < 1:
        raise argparse.ArgumentTypeError("a layer needs at least 1 neuron, got %r" % text)
    return size


GRADIENT_DESCENT_OPTIONS = [
    (("--alpha",), dict(dest="alphas", action="append", type=_learning_rate, metavar="A",
                        help="train with learning rate A; repeat for several "
                             "(default: the post's 0.001, 0.01, 0.1, 1, 10, 100, 1000)")),
    (("--hidden",), dict(dest="hidden_size", type=_size, metavar="N",
                         help="neurons in the hidden layer (default 4; the post's variant: 32)")),
    (("--directions",), dict(dest="directions", action="store_true",
                             help="the post's third program: also print the weights and how "
                                  "often each one's update changed direction")),
]

PROGRAMS = [
    Program("nine-lines", nine_lines, print_nine_lines, 10000, 0,
            "Milo Spencer-Harper's 9-line neuron: its answer for [1, 0, 0]"),
    Program("neuron", neuron, print_neuron, 10000, 0,
            "the same neuron as Milo's NeuralNetwork class, weights before and after"),
    Program("two-layer", two_layer, print_two_layer, 10000, 1,
            "Andrew Trask's 2-layer network: its output after training"),
    Program("three-layer", three_layer, print_three_layer, 60000, 1,
            "Trask's 3-layer network learning XOR: the error every 10,000 iterations"),
    Program("eleven-lines", eleven_lines, print_eleven_lines, 60000, 1,
            "Trask's 11-line version of it: the network's final output"),
    # The follow-up posts.  gradient-descent trains 7 networks for 60,000
    # iterations each, too slow for the run-them-all default.
    Program("multi-layer", multi_layer, print_multi_layer, 60000, 0,
            "Milo's multi-layered network: both layers' weights before and after"),
    Program("gradient-descent", gradient_descent_sweep, print_gradient_descent, 60000, 0,
            "Trask's Part 2: gradient descent, the error for each learning rate alpha",
            in_default_run=False, options=GRADIENT_DESCENT_OPTIONS,
            bench_settings={"alphas": [1]}),  # one alpha: the sweep's networks train alike
]


class CommandLineError(Exception):
    """Bad input on the command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are raised so main() can report them in one line."""

    def error(self, message):
        raise CommandLineError(message)


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a whole number, got %r" % text)


def build_parser() -> argparse.ArgumentParser:
    """The command line: no program runs them all, a program's name runs that one."""
    seeded = argparse.ArgumentParser(add_help=False)
    seeded.add_argument("--seed", type=_whole_number, default=argparse.SUPPRESS,
                        help="start from the weights np.random.seed(SEED) gives (default 1)")
    seeded.add_argument("--iterations", type=_whole_number, default=argparse.SUPPRESS,
                        help="training iterations (default: the post's)")
    common = argparse.ArgumentParser(add_help=False, parents=[seeded])
    common.add_argument("--trace", action="store_true", default=argparse.SUPPRESS,
                        help="print every matrix of the first and the last iteration, "
                             "each with a note saying what it is")
    parser = _Parser(prog="pureneuron.py", parents=[common],
                     description="The neural networks of Milo Spencer-Harper's and Andrew "
                                 "Trask's posts, in pure Python. With no PROGRAM, runs them "
                                 "all but gradient-descent.")
    parser.add_argument("--list", action="store_true", help="name the programs and stop")
    programs = parser.add_subparsers(dest="program", metavar="PROGRAM")
    for program in PROGRAMS:
        subparser = programs.add_parser(program.name, parents=[common], help=program.summary,
                                        description=program.summary)
        for flags, options in program.options:
            # left out when not given, so `run`'s own defaults apply
            subparser.add_argument(*flags, default=argparse.SUPPRESS, **options)
    # The playground: commands of their own, not post programs, so not in PROGRAMS.
    train = programs.add_parser(
        "train", parents=[common], help="train a network of your own: layers, data, alpha, "
                                        "bias, ...",
        description="Train a network with the posts' arithmetic on a named table or a CSV "
                    "file (10,000 iterations unless --iterations says otherwise), then print "
                    "its weights and whatever else is asked for.")
    train.add_argument("--layers", metavar="SIZES",
                       help="the number of inputs, then each layer's neurons, like 3,4,1 or 3,1 "
                            "(default: the data's inputs, 4, 1)")
    train.add_argument("--data", default="trask", metavar="NAME|FILE",
                       help="a named table (%s; default trask) or a CSV file: one example a "
                            "line, the inputs then one target from 0 to 1, an optional first "
                            "line of names" % ", ".join(DATASETS))
    train.add_argument("--alpha", default="1",
                       help="learning rate, more than 0 (default 1, the posts' implicit rate)")
    train.add_argument("--bias", action="store_true",
                       help="add a constant input of 1 to every layer")
    train.add_argument("--every", type=_whole_number, default=0, metavar="N",
                       help="print the mean absolute error every N iterations, from iteration 0 "
                            "(default 0: never)")
    train.add_argument("--ask", action="append", default=[], metavar="1,0,0",
                       help="after training, the answer for this new situation (repeatable)")
    train.add_argument("--table", action="store_true",
                       help="after training, the answer for every 0/1 combination of the inputs")
    train.add_argument("--plot", action="store_true",
                       help="after training, draw the error curve in the terminal (on a log "
                            "scale when the error falls tenfold or more)")
    train.set_defaults(command=run_train)
    picture = programs.add_parser("sigmoid", help="draw the sigmoid's S curve",
                                  description="Draw the S curve, marking where it is steepest "
                                              "and where it flattens.")
    picture.set_defaults(command=lambda args: print_lines(sigmoid_picture()))
    bench = programs.add_parser("bench", parents=[seeded], help="time each program's training",
                                description="Time each program's training and print microseconds "
                                            "an iteration, the median of several runs of "
                                            "%d iterations (or --iterations)." % BENCH_ITERATIONS)
    bench.add_argument("--runs", type=_whole_number, default=BENCH_RUNS,
                       help="runs of each program (default %d)" % BENCH_RUNS)
    bench.set_defaults(command=lambda args: run_bench(args.runs, args.iterations, args.seed))
    return parser


def iterations_for(program: Program, iterations) -> int:
    """The iteration count to run a program with: the post's, or a checked choice."""
    if iterations is None:
        return program.iterations
    if iterations < program.min_iterations:
        raise ValueError("%s needs --iterations of at least %d, got %d"
                         % (program.name, program.min_iterations, iterations))
    return iterations


def main(argv=None) -> int:
    """Run the command line; bad input is one line on stderr and exit status 2."""
    try:
        # The defaults go in the namespace, not on the options: the main parser
        # and each program's share the option objects, so a default set there
        # would overwrite an option given before the program's name.
        args = build_parser().parse_args(argv, argparse.Namespace(seed=1, iterations=None,
                                                                  trace=False))
        if args.list:
            width = max(len(program.name) for program in PROGRAMS)
            for program in PROGRAMS:
                print("%-*s %s" % (width, program.name, program.summary))
            return 0
        numpy_random(args.seed)  # a bad seed is reported before any work
        if getattr(args, "command", None):
            args.command(args)
            return 0
        chosen = [p for p in PROGRAMS if args.program == p.name or
                  (args.program is None and p.in_default_run)]
        counts = [iterations_for(program, args.iterations) for program in chosen]
        for number, (program, iterations) in enumerate(zip(chosen, counts)):
            if not args.program:
                print("%s== %s: %s" % ("\n" if number else "", program.name, program.summary))
            # the program's own options, where given (else `run`'s defaults apply)
            settings = {options["dest"]: getattr(args, options["dest"])
                        for flags, options in program.options if hasattr(args, options["dest"])}
            program.show(program.run(seed=args.seed, iterations=iterations,
                                     trace=tracer(iterations) if args.trace else None,
                                     **settings))
        return 0
    except (CommandLineError, ValueError) as error:
        print("pureneuron.py: error: %s" % error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pureneuron.py: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other commands do.
        sys.stdout = None
        return 0


if __name__ == "__main__":
    sys.exit(main())
