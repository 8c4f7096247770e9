"""pureneuron: the first neural networks of two famous blog posts, in pure Python.

Milo Spencer-Harper's "How to build a simple neural network in 9 lines of
Python code" (one neuron) and Andrew Trask's "A Neural Network in 11 lines of
Python" (backpropagation through a hidden layer) taught many people their first
neural network.  Both lean on numpy, which hides the arithmetic they teach.
Here the same programs are written with lists of lists, a hand-written
transpose and dot product, math.exp and Python's own random generator, and
they print the posts' own numbers, digit for digit.  (All but Trask's Part 2
at its largest alphas, 100 and up, or 10 with 32 hidden neurons: there
rounding grows chaotically, the numbers drift apart, some from their third
digit, and not even today's numpy prints what the post printed.)

    python3 pureneuron.py                # the posts' programs as printed, all but gradient-descent
    python3 pureneuron.py three-layer    # one of them (--list names them all)
    python3 pureneuron.py three-layer --trace   # and every matrix of its first and last iteration
    python3 pureneuron.py train --data trask --layers 3,4,1 --table   # a network of your own

Part I is the networks, to read beside the posts: the posts' programs, then the
authors' follow-ups and a network of any depth, then the few helpers they all
use.  Part II is the workshop: printing as numpy did in 2015, tracing, the
playground's data and checks, pictures, timing and the command line.

Glossary.  The posts' names:
    X, training_set_inputs    the examples, one a row, one input a column
    y, training_set_outputs   the answers we want, one row an example
    l0, l1, l2       Trask's layers: l0 is X, l1 = sigmoid(l0 . syn0), and so on
    syn0, syn1       Trask's weights ("synapses"): syn0 takes l0 to l1, syn1 l1 to l2
    synaptic_weights Milo's name for a neuron's (or a layer's) weights
    l1_error, l2_error   how far off a layer is: y minus the answers (y - l1 in the
                     2-layer network, y - l2 in the 3-layer), or for the hidden
                     layer its share of the blame, sent back through syn1
    l1_delta, l2_delta   the error scaled by the sigmoid's slope: how much to nudge
    output, error, adjustment   Milo's names for the neuron's answers, the
                     wanted outputs minus them, and the weights' change
    j, iter, iteration   the loop's counter, in each post's spelling
    alpha            Trask's learning rate (Part 2): how far each update steps
    layer_0, synapse_0, layer_2_error, ...   Trask's Part 2 spells l0, syn0, ... out
                     (its layer_2_error is layer_2 - y, but y - layer_2 where it
                     counts directions: each program keeps its post's sign)
    synapse_0_weight_update, ...   Part 2's update before alpha scales it;
                     prev_synapse_0_weight_update, ... the one before it
    synapse_0_direction_count, ...   how often each weight's update turned round
    NeuronLayer, layer1, layer2   Milo's layers: synaptic_weights has a column a neuron
    output_from_layer_1, output_from_layer1   a layer's outputs (Milo spells it
                     both ways); layer1_error, layer1_delta and so on as Trask's
    hidden_state     Milo's name for layer 1's outputs for the new situation
Ours, where numpy had an operator or a function:
    transpose(m)     numpy's m.T: rows become columns
    dot(a, b)        numpy's a.dot(b) or np.dot(a, b): the matrix product
    add, subtract, multiply   numpy's +, - and * on matrices: entry by entry
                     (on lists, + and += join them and 2 * repeats them)
    elementwise      what add, subtract and multiply share: an operation on each entry
    absolute, mean   numpy's np.abs and np.mean (mean adds by sum_left_to_right)
    sigmoid          1 / (1 + e^-x) on every entry: the posts' nonlin(x), __sigmoid
    sigmoid_slope    the posts' nonlin(x, deriv=True), __sigmoid_derivative and
                     sigmoid_output_to_derivative: o * (1 - o), given an output o
    numpy_random, random_matrix   np.random.seed and np.random.random
    zeros_like       np.zeros_like: a matrix of another's shape, all 0.0
Ours, where the posts had no name or we needed one more:
    X_T, training_set_inputs_T    the examples transposed, made once before the loop
    rng              the random generator, started as np.random.seed starts numpy's
    iterations, seed the programs' settings (the posts wrote 10000, 60000 and 1)
    hidden_size      the hidden layer's neurons: Trask's hiddenSize and hidden_dim
    answer           the answer for the new situation, kept to return
    errors, mean_error   the mean errors a program prints, kept to return
    starting_weights the weights before training, kept to return
    results          gradient_descent's returns, one for each alpha
    MultiLayerNeuralNetwork   Milo's second NeuralNetwork (the first has that name)
    turned           which weights' updates changed direction (Trask's Part 2)
    train_network, forward, with_bias, weight_shapes, layers, outputs, layer_errors, deltas
                     the playground's network of any depth (train); its errors
                     are (iteration, mean error) pairs, noted every `every`
    check_settings   refuses settings no network can train with
    column_count     a matrix's columns, once every row is checked to have as many
    python2_str      how Python 2 printed a number: Error:0.496410031903 (Part II)
    numpy_str        how numpy printed a matrix in 2015 (Part II)
"""

# Part I uses only math, operator and random (and typing for its annotations), and
# prints with Part II's numpy_str and python2_str; the rest is for Part II, the workshop.
import argparse
import ast
import contextlib
import csv
import errno
import functools
import inspect
import io
import json
import math
import operator
import os
import random
import stat
import sys
import textwrap
import time
import unicodedata
import xml.etree.ElementTree as ET
from typing import (Callable, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple,
                    Union)

# What `from pureneuron import *` brings into a notebook: the networks and what they call.
__all__ = [
    # Part I: the posts' programs, the follow-ups and the general network
    "nine_lines", "NeuralNetwork", "neuron", "two_layer", "three_layer", "eleven_lines",
    "NeuronLayer", "MultiLayerNeuralNetwork", "multi_layer", "gradient_descent",
    "train_network", "forward",
    # Part I: the helpers
    "numpy_random", "random_matrix", "transpose", "zeros_like", "dot", "add", "subtract",
    "multiply", "sigmoid", "sigmoid_slope", "absolute", "mean",
    # Part II: printing, data, answers, pictures and the command line
    "numpy_str", "python2_str", "DATASETS", "load_data", "save_network", "load_network",
    "network_answer", "error_plot", "picture", "network_of", "program_network", "map_text",
    "main",
]

Number = Union[int, float]
Vector = List[Number]
Matrix = List[Vector]   # a list of rows: [[0, 0, 1], [1, 1, 1]] is 2 rows by 3 columns


# ============================================================================
# PART I: THE NETWORKS, AS THE POSTS WROTE THEM
#
# Each program is its post's program: its data first, the post's names, the
# post's loop, printing what the post printed when the post printed it.  Where
# numpy writes an operator (X.T, a * b, y - l2), we call a helper defined at
# the end of Part I (transpose, multiply, subtract).  Each program also
# returns its numbers in a dict, for tests and notebooks.  To see a matrix as
# the posts showed it, print(numpy_str(l1)); print(l1) shows the bare lists.
# ============================================================================

# --- Milo Spencer-Harper: one neuron, in 9 lines ------------------------------

def nine_lines(iterations: int = 10000, seed: int = 1) -> dict:
    """Milo's 9-line neuron: train it, then print its answer for [1, 0, 0]."""
    check_settings(iterations=iterations, seed=seed)
    training_set_inputs = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
    training_set_outputs = transpose([[0, 1, 1, 0]])  # a column: one answer a row
    rng = numpy_random(seed)  # the post's random.seed(1), numpy's random: the same weights every run
    # 2 * random - 1: three weights from -1 to 1, mean 0, none favoured at the start
    synaptic_weights = subtract(multiply(2, random_matrix(rng, 3, 1)), 1)
    # the post's .T, made once: ours copies the matrix, numpy's .T costs nothing
    training_set_inputs_T = transpose(training_set_inputs)
    for iteration in range(iterations):
        # the post writes the sigmoid out, 1 / (1 + exp(-x)); math.exp takes one
        # number, so sigmoid() applies it to each entry
        output = sigmoid(dot(training_set_inputs, synaptic_weights))
        # each weight moves by its inputs times error * output * (1 - output): the
        # error scaled by the sigmoid's slope at the answer, all in the post's one
        # update line, the slope written out rather than called
        synaptic_weights = add(synaptic_weights,
                               dot(training_set_inputs_T,
                                   multiply(multiply(subtract(training_set_outputs, output),
                                                     output),
                                            subtract(1, output))))
    answer = sigmoid(dot([[1, 0, 0]], synaptic_weights))  # a situation it has never seen
    # the post asked with a 1-D row, so numpy printed a 1-D answer; answer[0] prints the same
    print(numpy_str(answer[0]))
    return {"synaptic_weights": synaptic_weights, "answer": answer}


# --- Milo's longer version: the same neuron as a class ------------------------

class NeuralNetwork:
    """One neuron with 3 inputs: it thinks, and it learns from examples."""

    def __init__(self, seed: int = 1):
        rng = numpy_random(seed)
        # 3 weights, one per input, from -1 to 1 with mean 0
        self.synaptic_weights = subtract(multiply(2, random_matrix(rng, 3, 1)), 1)

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int) -> None:
        """Show the neuron every example, many times, nudging its weights each time."""
        check_settings(iterations=number_of_training_iterations)
        training_set_inputs_T = transpose(training_set_inputs)
        for iteration in range(number_of_training_iterations):
            output = self.think(training_set_inputs)
            error = subtract(training_set_outputs, output)
            # A weight moves by its input times the error times the slope: an
            # input of 0 leaves its weight alone, a confident answer moves little.
            adjustment = dot(training_set_inputs_T, multiply(error, sigmoid_slope(output)))
            self.synaptic_weights = add(self.synaptic_weights, adjustment)

    def think(self, inputs: Matrix) -> Matrix:
        """The neuron's answer for each row of inputs: the sigmoid of their weighted sum."""
        return sigmoid(dot(inputs, self.synaptic_weights))


def neuron(iterations: int = 10000, seed: int = 1) -> dict:
    """Milo's class-based program: the weights before and after training, then the answer."""
    check_settings(iterations=iterations, seed=seed)
    training_set_inputs = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
    training_set_outputs = transpose([[0, 1, 1, 0]])
    neural_network = NeuralNetwork(seed)
    starting_weights = neural_network.synaptic_weights
    print("Random starting synaptic weights: ")
    print(numpy_str(starting_weights))
    neural_network.train(training_set_inputs, training_set_outputs, iterations)
    print("New synaptic weights after training: ")
    print(numpy_str(neural_network.synaptic_weights))
    print("Considering new situation [1, 0, 0] -> ?: ")
    answer = neural_network.think([[1, 0, 0]])
    print(numpy_str(answer[0]))
    return {"starting_weights": starting_weights,
            "synaptic_weights": neural_network.synaptic_weights, "answer": answer}


# --- Andrew Trask: a 2-layer network (one matrix of weights) ------------------

def two_layer(iterations: int = 10000, seed: int = 1) -> dict:
    """Trask's 2-layer network: print l1, its output in the last iteration.

    The post's walkthrough names its lines by number (Line 01 is its import,
    which we do without); the comments "Line 10" and so on mark where each of
    those lines is here.  Line 04 and Line 05, the post's nonlin, are sigmoid
    and sigmoid_slope.
    """
    check_settings(iterations=iterations, seed=seed)
    X = [[0, 0, 1],  # Line 10: the inputs
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]
    y = transpose([[0, 0, 1, 1]])  # Line 16: the outputs
    rng = numpy_random(seed)  # Line 20: the seed
    syn0 = subtract(multiply(2, random_matrix(rng, 3, 1)), 1)  # Line 23: the weights
    X_T = transpose(X)
    l1 = sigmoid(dot(X, syn0))  # not in the post: gives 0 iterations an l1 to print
    for iter in range(iterations):  # Line 25: the training loop
        # forward: each example's weighted inputs, squashed into 0..1
        l0 = X  # Line 28
        l1 = sigmoid(dot(l0, syn0))  # Line 29: forward propagation
        # to watch l1 change, print(numpy_str(l1)) here: print(l1) gives bare lists
        # how far off, times how unsure each answer was
        l1_error = subtract(y, l1)  # Line 32
        l1_delta = multiply(l1_error, sigmoid_slope(l1))  # Line 36: the error scaled by the slope
        # each weight moves by its inputs times those deltas, for all examples at
        # once; the post's += would join two lists, not add them, so add()
        syn0 = add(syn0, dot(X_T, l1_delta))  # Line 39; X_T is l0.T
    print("Output After Training:")
    print(numpy_str(l1))
    return {"l1": l1, "syn0": syn0}


# --- Trask: a 3-layer network, which learns what no single neuron can ---------

def three_layer(iterations: int = 60000, seed: int = 1) -> dict:
    """Trask's 3-layer network learning exclusive-or: print the error every 10,000 iterations."""
    check_settings(iterations=iterations, seed=seed)
    X = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]
    y = [[0],
         [1],
         [1],
         [0]]
    rng = numpy_random(seed)
    syn0 = subtract(multiply(2, random_matrix(rng, 3, 4)), 1)
    syn1 = subtract(multiply(2, random_matrix(rng, 4, 1)), 1)
    X_T = transpose(X)
    errors = []
    for j in range(iterations):
        # forward, layer by layer
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_error = subtract(y, l2)
        if j % 10000 == 0:
            mean_error = mean(absolute(l2_error))  # the post's np.mean(np.abs(l2_error))
            errors.append(mean_error)  # kept for the dict this returns
            print("Error:" + python2_str(mean_error))  # Python 2's str(): 12 digits
        l2_delta = multiply(l2_error, sigmoid_slope(l2))
        # backpropagation: l1's share of the blame is l2_delta sent back
        # through the weights it came through
        l1_error = dot(l2_delta, transpose(syn1))  # Line 43 of the post's 3-layer listing
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        # l1 is 4x4 here, so dot(l1, l2_delta), without the transpose, runs
        # too and has syn1's shape: it trains, wrongly.  Keep l1's transpose.
        syn1 = add(syn1, dot(transpose(l1), l2_delta))
        syn0 = add(syn0, dot(X_T, l1_delta))  # X_T is l0.T
    return {"errors": errors, "syn0": syn0, "syn1": syn1}


# --- Trask's 11 lines: the 3-layer network again, tersely ---------------------

def eleven_lines(iterations: int = 60000, seed: int = 1) -> dict:
    """The 11-line network: the post printed nothing, so print l2, its last output."""
    check_settings(iterations=iterations, seed=seed)
    X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
    y = transpose([[0, 1, 1, 0]])
    rng = numpy_random(seed)  # the 11 lines leave the seed out; 1 is the other programs'
    syn0 = subtract(multiply(2, random_matrix(rng, 3, 4)), 1)
    syn1 = subtract(multiply(2, random_matrix(rng, 4, 1)), 1)
    X_T = transpose(X)
    l2 = sigmoid(dot(sigmoid(dot(X, syn0)), syn1))  # not in the post: an l2 for 0 iterations
    for j in range(iterations):
        l1 = sigmoid(dot(X, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_delta = multiply(subtract(y, l2), multiply(l2, subtract(1, l2)))
        l1_delta = multiply(dot(l2_delta, transpose(syn1)), multiply(l1, subtract(1, l1)))
        syn1 = add(syn1, dot(transpose(l1), l2_delta))
        syn0 = add(syn0, dot(X_T, l1_delta))
    print(numpy_str(l2))
    return {"l2": l2, "syn0": syn0, "syn1": syn1}


# --- The follow-ups: Milo's multi-layered network -----------------------------

class NeuronLayer:
    """Milo's layer: its weights have a column per neuron and a row per input.

    >>> weights = NeuronLayer(4, 3, numpy_random(1)).synaptic_weights  # 4 neurons, 3 inputs
    >>> len(weights), len(weights[0])
    (3, 4)
    """

    def __init__(self, number_of_neurons: int, number_of_inputs_per_neuron: int,
                 rng: random.Random):
        self.synaptic_weights = subtract(
            multiply(2, random_matrix(rng, number_of_inputs_per_neuron, number_of_neurons)), 1)


class MultiLayerNeuralNetwork:
    """Milo's second NeuralNetwork (renamed: his one-neuron class above has that name)."""

    def __init__(self, layer1: NeuronLayer, layer2: NeuronLayer):
        self.layer1 = layer1
        self.layer2 = layer2

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int) -> None:
        """Backpropagation as in Trask's 3-layer network, in Milo's names."""
        check_settings(iterations=number_of_training_iterations)
        training_set_inputs_T = transpose(training_set_inputs)
        for iteration in range(number_of_training_iterations):
            # Milo's names: output_from_layer_1 here, output_from_layer1 in think
            output_from_layer_1, output_from_layer_2 = self.think(training_set_inputs)
            layer2_error = subtract(training_set_outputs, output_from_layer_2)
            layer2_delta = multiply(layer2_error, sigmoid_slope(output_from_layer_2))
            layer1_error = dot(layer2_delta, transpose(self.layer2.synaptic_weights))
            layer1_delta = multiply(layer1_error, sigmoid_slope(output_from_layer_1))
            # both adjustments are worked out before either layer changes
            layer1_adjustment = dot(training_set_inputs_T, layer1_delta)
            layer2_adjustment = dot(transpose(output_from_layer_1), layer2_delta)
            self.layer1.synaptic_weights = add(self.layer1.synaptic_weights, layer1_adjustment)
            self.layer2.synaptic_weights = add(self.layer2.synaptic_weights, layer2_adjustment)

    def think(self, inputs: Matrix) -> Tuple[Matrix, Matrix]:
        """Both layers' outputs: layer 1's outputs are layer 2's inputs."""
        output_from_layer1 = sigmoid(dot(inputs, self.layer1.synaptic_weights))
        output_from_layer2 = sigmoid(dot(output_from_layer1, self.layer2.synaptic_weights))
        return output_from_layer1, output_from_layer2

    def print_weights(self) -> None:
        """Both layers' weights, under Milo's headings."""
        print("    Layer 1 (4 neurons, each with 3 inputs): ")
        print(numpy_str(self.layer1.synaptic_weights))
        print("    Layer 2 (1 neuron, with 4 inputs):")
        print(numpy_str(self.layer2.synaptic_weights))


def multi_layer(iterations: int = 60000, seed: int = 1) -> dict:
    """Milo's multi-layered network: weights before and after, then the answer for [1, 1, 0]."""
    check_settings(iterations=iterations, seed=seed)
    # Exclusive-or of the first two inputs; [1, 1, 0] is the case held back.
    training_set_inputs = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1],
                           [0, 0, 0]]
    training_set_outputs = transpose([[0, 1, 1, 1, 1, 0, 0]])
    rng = numpy_random(seed)
    layer1 = NeuronLayer(4, 3, rng)  # 4 neurons with 3 inputs each, drawn first
    layer2 = NeuronLayer(1, 4, rng)  # 1 neuron with 4 inputs
    neural_network = MultiLayerNeuralNetwork(layer1, layer2)
    starting_weights = (layer1.synaptic_weights, layer2.synaptic_weights)
    print("Stage 1) Random starting synaptic weights: ")
    neural_network.print_weights()
    neural_network.train(training_set_inputs, training_set_outputs, iterations)
    print("Stage 2) New synaptic weights after training: ")
    neural_network.print_weights()
    print("Stage 3) Considering a new situation [1, 1, 0] -> ?: ")
    hidden_state, output = neural_network.think([[1, 1, 0]])
    print(numpy_str(output[0]))
    return {"starting_weights": starting_weights,
            "synaptic_weights": (layer1.synaptic_weights, layer2.synaptic_weights),
            "output": output}


# --- The follow-ups: Trask's Part 2, gradient descent with a learning rate ----

def gradient_descent(iterations: int = 60000, seed: int = 1,
                     alphas: Sequence[Number] = (0.001, 0.01, 0.1, 1, 10, 100, 1000),
                     hidden_size: int = 4, directions: bool = False) -> list:
    """Trask's Part 2: the 3-layer network again, stepping alpha times each update.

    For each alpha, from the same seed, it prints the error every 10,000
    iterations: the post's program that tries seven alphas.  hidden_size=32
    is its variant with 32 hidden neurons (the post's hiddenSize); directions=True
    its third program, which also counts how often each weight's update turned
    round.  The post's headline 13 lines, with alpha 0.5 and 4 hidden neurons,
    printed nothing; here they are alphas=(0.5,): `gradient-descent --alpha 0.5`.

    Each program keeps the post's sign.  The headline, the alphas program and
    its 32-neuron variant take the error as layer_2 - y, which points uphill
    on the squared error, so the weights step against the update (subtract).
    The direction-counting program goes back to Part 1's y - layer_2, which
    points downhill, so the weights step with it (add).  Both move every
    weight by exactly the same amount.
    """
    check_settings(iterations=iterations, seed=seed, alphas=alphas, hidden_size=hidden_size)
    X = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]
    y = [[0],
         [1],
         [1],
         [0]]
    X_T = transpose(X)
    results = []
    for alpha in alphas:
        print("\nTraining With Alpha:" + python2_str(alpha))
        rng = numpy_random(seed)
        synapse_0 = subtract(multiply(2, random_matrix(rng, 3, hidden_size)), 1)
        synapse_1 = subtract(multiply(2, random_matrix(rng, hidden_size, 1)), 1)
        if directions:  # a count for each weight, none yet; the post's zeros for the
            # previous updates, which j > 0 below leaves unread
            prev_synapse_0_weight_update = zeros_like(synapse_0)
            prev_synapse_1_weight_update = zeros_like(synapse_1)
            synapse_0_direction_count = zeros_like(synapse_0)
            synapse_1_direction_count = zeros_like(synapse_1)
        errors = []
        for j in range(iterations):
            layer_0 = X
            layer_1 = sigmoid(dot(layer_0, synapse_0))
            layer_2 = sigmoid(dot(layer_1, synapse_1))
            if directions:
                layer_2_error = subtract(y, layer_2)  # the third program: Part 1's sign
            else:
                layer_2_error = subtract(layer_2, y)  # the others: the other way round
            if j % 10000 == 0:
                mean_error = mean(absolute(layer_2_error))
                errors.append(mean_error)
                if directions:  # the post's third program printed the error alone
                    print("Error:" + python2_str(mean_error))
                else:
                    print("Error after " + str(j) + " iterations:" + python2_str(mean_error))
            layer_2_delta = multiply(layer_2_error, sigmoid_slope(layer_2))
            layer_1_error = dot(layer_2_delta, transpose(synapse_1))
            layer_1_delta = multiply(layer_1_error, sigmoid_slope(layer_1))
            # dot(layer_1, layer_2_delta) without the transpose also runs when
            # hidden_size is 4 (layer_1 is then 4x4), and trains wrongly
            synapse_1_weight_update = dot(transpose(layer_1), layer_2_delta)
            synapse_0_weight_update = dot(X_T, layer_1_delta)  # X_T is layer_0.T
            if directions:
                if j > 0:
                    synapse_0_direction_count = add(synapse_0_direction_count, turned(
                        prev_synapse_0_weight_update, synapse_0_weight_update))
                    synapse_1_direction_count = add(synapse_1_direction_count, turned(
                        prev_synapse_1_weight_update, synapse_1_weight_update))
                # y - layer_2 points downhill: step with the update
                synapse_1 = add(synapse_1, multiply(alpha, synapse_1_weight_update))
                synapse_0 = add(synapse_0, multiply(alpha, synapse_0_weight_update))
                prev_synapse_0_weight_update = synapse_0_weight_update
                prev_synapse_1_weight_update = synapse_1_weight_update
            else:  # layer_2 - y points uphill: step against it
                synapse_1 = subtract(synapse_1, multiply(alpha, synapse_1_weight_update))
                synapse_0 = subtract(synapse_0, multiply(alpha, synapse_0_weight_update))
        result = {"alpha": alpha, "errors": errors, "synapse_0": synapse_0,
                  "synapse_1": synapse_1}
        if directions:
            print("Synapse 0")
            print(numpy_str(synapse_0))
            print("Synapse 0 Update Direction Changes")
            print(numpy_str(synapse_0_direction_count))
            print("Synapse 1")
            print(numpy_str(synapse_1))
            print("Synapse 1 Update Direction Changes")
            print(numpy_str(synapse_1_direction_count))
            result["synapse_0_direction_count"] = synapse_0_direction_count
            result["synapse_1_direction_count"] = synapse_1_direction_count
        results.append(result)
    return results


def turned(previous: Matrix, update: Matrix) -> Matrix:
    """1.0 where an update and the one before point different ways (above 0 or not), else 0.0.

    >>> turned([[0.5, -0.5, 0.0]], [[0.25, 0.5, -1.0]])
    [[0.0, 1.0, 0.0]]
    """
    return elementwise(lambda before, now: float((before > 0) != (now > 0)), previous, update)


# --- A network of any depth: the posts' arithmetic, for the playground --------

def train_network(X: Matrix, y: Matrix, layers: List[int], iterations: int = 10000,
                  alpha: Number = 1, seed: int = 1, bias: bool = False, every: int = 0,
                  on_error: Optional[Callable[[int, float], None]] = None) -> dict:
    """Train layers of any sizes as Trask trains his; return the weights and the errors noted.

    layers: the number of inputs, then each layer's neurons: [3, 4, 1] is the
    3-layer network, [3, 1] Milo's neuron.  With alpha 1 and no bias, this is
    the posts' arithmetic exactly, so their settings give their numbers.

    bias: a constant input of 1 for every layer (one more row of weights each).
    Without it an input of all zeros gives every first-layer neuron the sum 0,
    whatever its weights, and sigmoid(0) = 0.5; the bias can move that.

    every: every `every` iterations (0: never) the mean absolute error is
    handed to on_error, if given, as (iteration, error), and noted in
    "errors".  At most 1,000 are kept, whatever the iterations: when that
    many are noted, every other one is dropped and from then on only every
    second error is noted, so the kept ones stay evenly spread.

    "non_finite_at": the first iteration after which a weight was no longer
    a number (inf or nan, from too large an alpha or inputs), else None.  A
    bad error spoils the weights in the same iteration, so this covers both.
    """
    check_settings(iterations=iterations, seed=seed, alpha=alpha, layers=layers, every=every,
                   X=X, y=y)
    rng = numpy_random(seed)
    weights = [subtract(multiply(2, random_matrix(rng, rows, columns)), 1)
               for rows, columns in weight_shapes(layers, bias)]
    starting_weights = list(weights)  # a copy: the loop puts new matrices into weights
    # the inputs never change: their transpose, for the first layer's update, is made
    # once (a deeper layer's inputs are the layer below's outputs, new each iteration)
    X_T = transpose(with_bias(X, bias))
    errors, kept_every = [], every
    non_finite_at = None
    for iteration in range(iterations):
        outputs = forward(weights, X, bias)  # l0 (the inputs), l1, ..., the answers
        # layer_errors[k] and deltas[k] are layer k's, as l2_error and l2_delta
        # are l2's; layer 0, the inputs, has none
        layer_errors = [None] * len(outputs)
        deltas = [None] * len(outputs)
        layer_errors[-1] = subtract(y, outputs[-1])
        if every and iteration % every == 0:
            error = mean(absolute(layer_errors[-1]))
            if on_error:
                on_error(iteration, error)
            if iteration % kept_every == 0:
                errors.append((iteration, error))
                if len(errors) == 1000:  # bounded memory: keep every other one
                    errors = errors[::2]
                    kept_every *= 2
        for k in reversed(range(1, len(outputs))):  # backward: the last layer first
            deltas[k] = multiply(layer_errors[k], sigmoid_slope(outputs[k]))
            if k > 1:
                # the layer below's share, through weights[k - 1] before it
                # changes; the bias row, last, has no neuron below it to blame
                layer_errors[k - 1] = dot(deltas[k], transpose(
                    weights[k - 1][:-1] if bias else weights[k - 1]))
            update = dot(X_T if k == 1 else transpose(with_bias(outputs[k - 1], bias)),
                         deltas[k])
            weights[k - 1] = add(weights[k - 1], multiply(alpha, update))
        if non_finite_at is None and not all_finite(weights):
            non_finite_at = iteration
    return {"layers": list(layers), "bias": bias, "starting_weights": starting_weights,
            "weights": weights, "errors": errors, "non_finite_at": non_finite_at,
            "iterations": iterations}


def forward(weights: List[Matrix], inputs: Matrix, bias: bool = False) -> List[Matrix]:
    """Every layer's output, the inputs first: each the sigmoid of the one before times its weights.

    >>> forward([[[0.0], [0.0]]], [[1, 1]])
    [[[1, 1]], [[0.5]]]
    """
    outputs = [inputs]
    for synapses in weights:
        outputs.append(sigmoid(dot(with_bias(outputs[-1], bias), synapses)))
    return outputs


def weight_shapes(layers: Sequence[int], bias: bool = False) -> List[Tuple[int, int]]:
    """Each weight matrix's rows by columns: a row per input (and one for the bias), a column
    per neuron.

    >>> weight_shapes([3, 4, 1]), weight_shapes([3, 4, 1], bias=True)
    ([(3, 4), (4, 1)], [(4, 4), (5, 1)])
    """
    extra = 1 if bias else 0  # the bias's weights: one more row in each matrix
    return [(inputs + extra, neurons) for inputs, neurons in zip(layers, layers[1:])]


def with_bias(m: Matrix, bias: bool) -> Matrix:
    """The rows of m with a constant 1 added at the end, when bias is on.

    >>> with_bias([[0, 1], [1, 1]], True)
    [[0, 1, 1], [1, 1, 1]]
    """
    return [row + [1] for row in m] if bias else m


# ============================================================================
# The helpers the programs call
# ============================================================================

# ----------------------------------------------------------------------------
# Random numbers as numpy draws them
#
# Needed only to reproduce the posts' digits.  Python's random module runs the
# generator numpy runs (the Mersenne Twister, MT19937) and builds a float from
# it the same way; only the seeding differs.  So we fill in the state that
# np.random.seed(seed) makes, and from then on both draw the same numbers.
# ----------------------------------------------------------------------------

def numpy_random(seed: int) -> random.Random:
    """A random.Random that draws what numpy draws after np.random.seed(seed).

    >>> rng = numpy_random(1)
    >>> rng.random(), rng.random()
    (0.417022004702574, 0.7203244934421581)
    """
    check_whole(seed, "seed", 0, 2 ** 32 - 1)  # numpy's seeds are 0 to 2**32 - 1
    # numpy's init_genrand: each of the 624 words is made from the one before
    state = [seed]
    for i in range(1, 624):
        previous = state[-1]
        state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
    rng = random.Random()
    # random's state format 3; the index 624 says all words are used, so the
    # first draw stirs the state first, as numpy's first draw does
    rng.setstate((3, tuple(state) + (624,), None))
    return rng


def random_matrix(rng: random.Random, rows: int, columns: int) -> Matrix:
    """numpy's random.random((rows, columns)): numbers from 0 up to 1, row by row.

    >>> random_matrix(numpy_random(1), 2, 1)
    [[0.417022004702574], [0.7203244934421581]]
    """
    return [[rng.random() for _ in range(columns)] for _ in range(rows)]


# ----------------------------------------------------------------------------
# Matrices as lists of rows
#
# Python's own + and * mean something else on lists: [[1]] + [[2]] is
# [[1], [2]], one list after the other, and 2 * [[1]] is [[1], [1]].  So the
# programs call add() and multiply() where the posts wrote + and *, and +=.
#
# numpy checks that shapes fit; so do these, because a loop or zip() over
# rows of different lengths would quietly skip what does not fit.  They check
# what is cheap: what kind of thing each argument is, once a call (so that a
# tuple or a string is not taken for a number), and a length per row.  The
# entries are not checked one by one: whatever else is among them meets
# Python's own arithmetic, where None fails with a TypeError but 2 * "ab"
# is "abab".
# ----------------------------------------------------------------------------

def transpose(m: Matrix) -> Matrix:
    """Rows become columns: numpy's m.T.

    >>> transpose([[0, 0, 1], [0, 1, 1]])
    [[0, 0], [0, 1], [1, 1]]
    """
    return [[row[j] for row in m] for j in range(column_count(m))]


def zeros_like(m: Matrix) -> Matrix:
    """numpy's zeros_like(m): a matrix of m's shape, every entry 0.0.

    >>> zeros_like([[0.5, -1], [2, 3]])
    [[0.0, 0.0], [0.0, 0.0]]
    """
    return [[0.0] * len(row) for row in m]


def dot(a: Matrix, b: Matrix) -> Matrix:
    """The matrix product: entry [i][j] is row i of a times column j of b.

    That is a[i][0]*b[0][j] + a[i][1]*b[1][j] + ..., added from left to
    right.  numpy (through BLAS) promises no order of addition, and another
    order can change the last bit; for the posts' small matrices, left to
    right gives the digits numpy printed (all but where Part 2's largest
    alphas make rounding errors grow).

    >>> dot([[1, 2], [3, 4]], [[5], [6]])
    [[17.0], [39.0]]
    """
    if not (isinstance(a, list) and a and isinstance(a[0], list) and a[0]):
        raise not_a_matrix(a)
    columns_of_b = range(column_count(b))  # b is a matrix, and not ragged
    inner = len(b)  # a's columns must match b's rows
    rows_of_b = range(inner)
    product = []
    for row in a:
        if len(row) != inner:
            column_count(a)  # raises "a ragged matrix" if that is why
            raise ValueError("cannot dot a %s matrix with a %s matrix: the first's columns (%d) "
                             "must match the second's rows (%d)%s"
                             % (shape(a), shape(b), len(row), inner, transpose_hint(a, b)))
        product_row = []
        for j in columns_of_b:
            total = 0.0
            for k in rows_of_b:
                total += row[k] * b[k][j]
            product_row.append(total)
        product.append(product_row)
    return product


def add(a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """a + b, entry by entry; a number counts as that number in every entry.

    >>> add([[1, 2]], [[10, 20]])
    [[11, 22]]
    """
    return elementwise(operator.add, a, b)


def subtract(a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """a - b, entry by entry.

    >>> subtract(1, [[0.25], [0.75]])
    [[0.75], [0.25]]
    """
    return elementwise(operator.sub, a, b)


def multiply(a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """a * b, entry by entry: numpy's *, not the matrix product.

    >>> multiply([[1, 2]], [[3, 4]]), multiply(2, [[0.5, 4]])
    ([[3, 8]], [[1.0, 8]])
    """
    return elementwise(operator.mul, a, b)


def elementwise(operation, a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """operation(x, y) for the entries x of a and y of b in the same place.

    A number pairs with every entry of the other.

    >>> elementwise(max, [[1, 5]], [[3, 4]]), elementwise(max, [[1, 5]], 2)
    ([[3, 5]], [[2, 5]])
    """
    if not isinstance(a, list):  # a number, paired with every entry of b
        if not isinstance(a, (int, float)):
            raise not_a_number(a)
        if not (isinstance(b, list) and b and isinstance(b[0], list) and b[0]):
            raise not_a_matrix(b)
        return [[operation(a, y) for y in row] for row in b]
    if not (a and isinstance(a[0], list) and a[0]):
        raise not_a_matrix(a)
    if not isinstance(b, list):  # every entry of a, paired with a number
        if not isinstance(b, (int, float)):
            raise not_a_number(b)
        return [[operation(x, b) for x in row] for row in a]
    if not (b and isinstance(b[0], list) and b[0]):
        raise not_a_matrix(b)
    if len(a) != len(b):
        raise ValueError("cannot combine a %s matrix with a %s matrix entry by entry"
                         % (shape(a), shape(b)))
    result = []
    for row_a, row_b in zip(a, b):
        if len(row_a) != len(row_b):  # map() would quietly stop at the shorter
            if len(a[0]) == len(b[0]):  # the first rows fit, so a or b is ragged
                column_count(a)  # raises "a ragged matrix" if a is
                column_count(b)  # and if not, b is
            raise ValueError("cannot combine a %s matrix with a %s matrix entry by entry"
                             % (shape(a), shape(b)))
        result.append(list(map(operation, row_a, row_b)))
    return result


# --- The sigmoid, its slope, and the mean error -------------------------------

def sigmoid(m: Matrix) -> Matrix:
    """1 / (1 + e^-x) for each entry x: squashes any number into 0..1.

    Trask's nonlin(x) (Line 04 of his 2-layer listing) and Milo's __sigmoid.

    >>> sigmoid([[0, 2], [-800, 10 ** 400]])
    [[0.5, 0.8807970779778823], [0.0, 1.0]]
    """
    if not (isinstance(m, list) and m and isinstance(m[0], list) and m[0]):
        raise not_a_matrix(m)
    try:
        return [[1 / (1 + math.exp(-x)) for x in row] for row in m]
    except OverflowError:  # some e^-x is beyond the floats: work those out one by one
        return [[1 / (1 + exp_or_inf(-x)) for x in row] for row in m]


def exp_or_inf(x: Number) -> float:
    """e^x; where math.exp overflows, numpy's answer: inf, or 0.0 for a huge negative x.

    >>> exp_or_inf(0), exp_or_inf(800), exp_or_inf(-10 ** 400)
    (1.0, inf, 0.0)
    """
    try:
        return math.exp(x)
    except OverflowError:  # x itself may be too big for a float
        return math.inf if x > 0 else 0.0


def sigmoid_slope(output: Matrix) -> Matrix:
    """The sigmoid's slope, given the sigmoid's *output* o: o * (1 - o).

    Trask's nonlin(x, deriv=True) (his Line 05).  The programs hold o
    already (a layer's output), so no second e^x is needed.  The posts call
    this the derivative, but it is only right when handed a sigmoid's output,
    not its input.  It is largest, 0.25, at o = 0.5, where a neuron is least
    sure, and near 0 when the neuron is sure (o near 0 or 1): sure neurons
    are nudged least.

    >>> sigmoid_slope([[0.5, 0.9]])
    [[0.25, 0.08999999999999998]]
    """
    if not (isinstance(output, list) and output and isinstance(output[0], list) and output[0]):
        raise not_a_matrix(output)
    return [[o * (1 - o) for o in row] for row in output]


def absolute(m: Matrix) -> Matrix:
    """Each entry's size, its sign dropped: numpy's abs(m).

    >>> absolute([[0.5], [-0.25]])
    [[0.5], [0.25]]
    """
    if not (isinstance(m, list) and m and isinstance(m[0], list) and m[0]):
        raise not_a_matrix(m)
    return [[abs(x) for x in row] for row in m]


def mean(m: Matrix) -> float:
    """The average entry: all of them added, from left to right, over their count.

    Not sum(): from Python 3.12 it adds floats more precisely than numpy does,
    which would change the last digits printed.

    >>> mean([[0.5], [0.25]])
    0.375
    """
    columns = column_count(m)
    return sum_left_to_right(m) / (len(m) * columns)


def sum_left_to_right(m: Matrix) -> float:
    """All the entries added, one after another from the first, as numpy adds them here.

    >>> sum_left_to_right([[0.5], [0.25]])
    0.75
    """
    added = 0.0
    for row in m:
        for x in row:
            added += x
    return added


# --- Checks: each program's settings, and what a helper is handed ------------

def check_settings(iterations: int = 0, seed: int = 0, alpha: Number = 1,
                   alphas: Sequence[Number] = (), hidden_size: int = 1,
                   layers: Sequence[int] = (1, 1), every: int = 0,
                   X: Optional[Matrix] = None, y: Optional[Matrix] = None) -> None:
    """Refuse settings no network can train with, before it starts, naming the setting.

    A wrong kind of thing is a TypeError, a wrong value a ValueError, as in
    Python's own functions.  What is not given is not checked.

    >>> check_settings(iterations=-1)
    Traceback (most recent call last):
    ...
    ValueError: iterations must be at least 0, got -1
    >>> check_settings(alpha=float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: alpha must be a number above 0 (not inf or nan), got nan
    """
    check_whole(iterations, "iterations", 0)
    check_whole(seed, "seed", 0, 2 ** 32 - 1)
    if not isinstance(alphas, (list, tuple)):
        raise TypeError("alphas must be a list or a tuple of numbers, like (0.5,) for one, "
                        "got %s" % kind_of(alphas))
    for rate in [alpha] + list(alphas):
        if isinstance(rate, bool) or not isinstance(rate, (int, float)):
            raise TypeError("alpha must be a number, got %s" % kind_of(rate))
        if not (math.isfinite(rate) and rate > 0):
            raise ValueError("alpha must be a number above 0 (not inf or nan), got %r" % rate)
    check_whole(hidden_size, "hidden_size", 1)
    if not isinstance(layers, (list, tuple)):
        raise TypeError("layers must be a list of sizes, like [3, 4, 1], got %s"
                        % kind_of(layers))
    if len(layers) < 2:
        raise ValueError("layers must list the inputs and then each layer's neurons, like "
                         "[3, 4, 1], got %s" % shortened(list(layers)))
    for size in layers:
        check_whole(size, "each of layers", 1)
    check_whole(every, "every", 0)
    if X is not None:
        inputs, outputs = column_count(X), column_count(y)  # matrices, not ragged
        if len(X) != len(y):
            raise ValueError("X has %d examples (rows) but y has %d: one answer an example"
                             % (len(X), len(y)))
        if inputs != layers[0]:
            raise ValueError("layers %r start with %d inputs, but X has %d a row"
                             % (list(layers), layers[0], inputs))
        if outputs != layers[-1]:
            raise ValueError("layers %r end with %d outputs, but y has %d a row"
                             % (list(layers), layers[-1], outputs))


def check_whole(value: int, name: str, lowest: int, highest: Optional[int] = None) -> None:
    """Refuse a setting that is not a whole number from lowest to highest.

    >>> check_whole(1.5, "iterations", 0)
    Traceback (most recent call last):
    ...
    TypeError: iterations must be a whole number, got a float: 1.5
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be a whole number, got %s" % (name, kind_of(value)))
    if highest is None and value < lowest:
        raise ValueError("%s must be at least %d, got %d" % (name, lowest, value))
    if highest is not None and not lowest <= value <= highest:
        raise ValueError("%s must be from %d to %d, got %d" % (name, lowest, highest, value))


def all_finite(matrices: List[Matrix]) -> bool:
    """Whether every entry of the matrices is a number, not inf or nan.

    Adding them up is quick, and an inf or a nan spoils any sum; only when
    the sum is not finite (finite entries can add up past the largest float)
    are the entries looked at one by one.

    >>> all_finite([[[1.0, 2.0]], [[3.0]]]), all_finite([[[1.0, float("nan")]]])
    (True, False)
    """
    if math.isfinite(sum(sum(row) for m in matrices for row in m)):
        return True
    return all(math.isfinite(x) for m in matrices for row in m for x in row)


def column_count(m: Matrix) -> int:
    """How many columns a matrix has, after checking that every row has that many.

    >>> column_count([[0, 0, 1], [1, 1, 1]])
    3
    """
    if not (isinstance(m, list) and m and isinstance(m[0], list) and m[0]):
        raise not_a_matrix(m)
    columns = len(m[0])
    for row in m:
        if len(row) != columns:
            # m.index finds this row, as every row before it has the first's length
            # (so the loop needs no enumerate, which would slow every call)
            raise ValueError("a ragged matrix: row 0 has %d entries but row %d has %d"
                             % (columns, m.index(row), len(row)))
    return columns


def shape(m: Matrix) -> str:
    """A matrix's rows by columns, for messages.

    >>> shape([[0, 0, 1], [1, 1, 1]])
    '2x3'
    """
    return "%dx%d" % (len(m), len(m[0]))


def transpose_hint(a: Matrix, b: Matrix) -> str:
    """For dot's error: which product with a transpose would fit, if one would.

    >>> transpose_hint([[1, 2, 3]] * 4, [[1]] * 4)
    '; if a transpose is missing, dot(transpose(first), second) would fit'
    """
    fits = []
    if len(a) == len(b):
        fits.append("dot(transpose(first), second)")
    if len(a[0]) == len(b[0]):
        fits.append("dot(first, transpose(second))")
    if not fits:
        return ""
    return "; if a transpose is missing, %s would fit" % " or ".join(fits)


def not_a_matrix(m) -> Exception:
    """The error for what a helper cannot take as a matrix: a TypeError, or a ValueError if empty.

    Each helper looks at its matrices once a call (a list, whose first row is
    a list with entries), and asks this for the error only when that fails.

    >>> not_a_matrix((1, 2))
    TypeError('expected a matrix, a list of rows like [[0, 1], [1, 1]], got a tuple: (1, 2)')
    >>> not_a_matrix([[]])
    ValueError('an empty matrix, 1x0: it has no entries to work with')
    """
    if isinstance(m, list) and m and isinstance(m[0], (int, float)):
        return TypeError("a matrix is a list of rows: write %s for one row, or %s for a "
                         "column (one answer a row), not %s"
                         % (shortened([m]), shortened([[x] for x in m]), shortened(m)))
    if isinstance(m, list) and m and isinstance(m[0], tuple):
        return TypeError("a matrix's rows are lists, in [ ], not tuples: got %s" % shortened(m))
    if not isinstance(m, list) or (m and not isinstance(m[0], list)):
        return TypeError("expected a matrix, a list of rows like [[0, 1], [1, 1]], got %s"
                         % kind_of(m))
    return ValueError("an empty matrix, %dx%d: it has no entries to work with"
                      % (len(m), len(m[0]) if m else 0))


def not_a_number(x) -> TypeError:
    """The error for what a helper cannot take as a number (a tuple, a string, a numpy array).

    >>> not_a_number("ab")
    TypeError("expected a number or a matrix (a list of rows), got a str: 'ab'")
    """
    return TypeError("expected a number or a matrix (a list of rows), got %s" % kind_of(x))


def kind_of(x) -> str:
    """What x is, for messages: its type, and its value shortened.

    >>> kind_of((3,))
    'a tuple: (3,)'
    """
    name = type(x).__name__
    if type(x).__module__ not in ("builtins", __name__):
        name = type(x).__module__ + "." + name  # numpy.ndarray, not just ndarray
    return "%s %s: %s" % ("an" if name[0] in "aeiou" else "a", name, shortened(x))


def shortened(x) -> str:
    """repr(x) on one line, cut to 40 characters.

    >>> shortened(list(range(20)))
    '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11...'
    """
    text = " ".join(line.strip() for line in repr(x).splitlines())  # a numpy array's spans lines
    return text if len(text) <= 40 else text[:37] + "..."


# ============================================================================
# PART II: THE WORKSHOP
#
# Nothing above needs what follows, except numpy_str and python2_str to print.
# Here: printing as the posts printed, --trace, the playground's data and its
# checks (all input is checked here, where it comes in), the pictures, bench
# and the command line.
# ============================================================================

# ----------------------------------------------------------------------------
# Printing as the posts printed: numpy 1.13 and Python 2
# ----------------------------------------------------------------------------

NUMPY_PRECISION = 8   # digits after the point
NUMPY_LINE_WIDTH = 75


def numpy_str(m: Union[Vector, Matrix]) -> str:
    """A matrix (or a plain row) as numpy 1.13 printed it.

    >>> print(numpy_str([[9.672993027737, -0.2078435], [-4.62963669, 1.0]]))
    [[ 9.67299303 -0.2078435 ]
     [-4.62963669  1.        ]]
    >>> print(numpy_str([0.9999370428]))
    [ 0.99993704]
    >>> print(numpy_str([[1.23456789e-05], [0.999876543]]))
    [[  1.23456789e-05]
     [  9.99876543e-01]]
    >>> print(numpy_str([[0, 0, 1], [0, 1, 1]]))
    [[0 0 1]
     [0 1 1]]
    """
    if not isinstance(m[0], list):
        return numpy_row(m, number_format(m), " ") + "]"
    write = number_format([x for row in m for x in row])
    return "[" + "]\n ".join(numpy_row(row, write, "  ") for row in m) + "]]"


def numpy_row(row: Vector, write: Callable, indent: str) -> str:
    """'[' and a row's numbers, one space apart, wrapped before numpy's 75 columns."""
    line, lines = indent, []
    for i, x in enumerate(row):
        word = write(x)
        if len(line) + len(word) > NUMPY_LINE_WIDTH:
            lines.append(line.rstrip())
            line = indent
        line += word if i == len(row) - 1 else word + " "
    lines.append(line)
    return "[" + "\n".join(lines)[len(indent):]


def number_format(numbers: Vector) -> Callable:
    """The function that writes each number of an array, chosen from all of them as numpy 1.13 chose."""
    if numbers and all(isinstance(x, int) for x in numbers):  # whole, like the posts' X and y
        whole_width = max(len(str(x)) for x in numbers)

        def padded_whole(x):
            return str(x).rjust(whole_width)
        return padded_whole
    finite = [abs(x) for x in numbers if math.isfinite(x) and x != 0]
    biggest, smallest = (max(finite), min(finite)) if finite else (0.0, 0.0)
    if finite and (biggest >= 1e8 or smallest < 0.0001 or biggest / smallest > 1000):
        # scientific: 8 digits after the point; exponents of 2 digits, or 3 for all
        # when any needs 3
        three_digits = 0 < smallest < 1e-99 or biggest >= 1e100
        width = 8 + NUMPY_PRECISION + three_digits

        def scientific(x):
            if not math.isfinite(x):
                return special(x, width)
            text = "%*.*e" % (width, NUMPY_PRECISION, x)
            if three_digits and text[-3] in "+-":
                text = text[1:-2] + "0" + text[-2:]
            return text
        return scientific
    # fixed point: as many decimals as the longest number needs, at most 8, and
    # a column for the sign even when nothing is negative
    decimals = max((decimals_needed(x) for x in finite), default=0)
    width = len(str(int(biggest))) + decimals + 2
    if any(not math.isfinite(x) for x in numbers):
        width = max(width, 4)

    def fixed(x):
        if not math.isfinite(x):
            return special(x, width)
        text = "%#*.*f" % (width, decimals, x)
        digits = text.rstrip("0")
        return digits + " " * (len(text) - len(digits))
    return fixed


def decimals_needed(x: float) -> int:
    """How many of the first 8 decimals of x are needed before only zeros follow.

    >>> decimals_needed(0.25), decimals_needed(1 / 3), decimals_needed(2.0)
    (2, 8, 0)
    """
    return len(("%.*f" % (NUMPY_PRECISION, x)).rstrip("0").split(".")[1])


def special(x: float, width: int) -> str:
    """nan, inf or -inf, right-aligned as numpy aligned them."""
    return ("nan" if math.isnan(x) else "inf" if x > 0 else "-inf").rjust(width)


def python2_str(x: Number) -> str:
    """A number as Python 2's str() wrote it: a float to 12 significant digits.

    >>> python2_str(0.4964100319027255), python2_str(0.5), python2_str(1.0), python2_str(10)
    ('0.496410031903', '0.5', '1.0', '10')
    """
    if isinstance(x, int):
        return str(x)
    text = "%.12g" % x
    digits = text.lstrip("-")
    if digits.isdigit() and len(digits) < 12:
        return text + ".0"  # a whole number keeps its point
    if digits.isdigit():  # 12 digits and a point would not fit: Python 2 wrote 1e+11
        mantissa, exponent = ("%.11e" % x).split("e")
        return mantissa.rstrip("0").rstrip(".") + "e" + exponent
    return text


# ----------------------------------------------------------------------------
# --trace: every matrix of the first and the last iteration
#
# The programs carry no tracing code.  Python's sys.settrace tells us each line
# a function runs; when its training loop comes back to its `for` line, one
# iteration is over, and the function's variables hold what it computed.  When
# the loop is left, the iteration that ended last was the last one it ran.
# ----------------------------------------------------------------------------

# Each training loop's names, with what they hold there, by the function the
# loop is in.  None: bookkeeping, not printed.  A name not listed (one a
# learner adds) is printed without a note.
TRACE_NOTES = {
    "nine_lines": {
        "output": "the neuron's answer for each example: sigmoid(inputs . weights)",
        "synaptic_weights": "the weights, a row per input, after this iteration's change",
    },
    "NeuralNetwork.train": {
        "output": "the neuron's answer for each example: sigmoid(inputs . weights)",
        "error": "how far off each answer is: the wanted output minus the answer",
        "adjustment": "each weight's change: inputs^T . (error * sigmoid slope at output)",
        "self.synaptic_weights": "the weights, a row per input, after this iteration's change",
    },
    "two_layer": {
        "l0": "layer 0, the inputs X: one example a row",
        "l1": "layer 1's outputs, the answers: sigmoid(l0 . syn0)",
        "l1_error": "how far off each answer is: y - l1",
        "l1_delta": "l1_error times the sigmoid's slope at l1: sure answers move least",
        "syn0": "the weights from layer 0 to layer 1, after this iteration's update",
    },
    "three_layer": {
        "l0": "layer 0, the inputs X: one example a row",
        "l1": "layer 1's outputs: sigmoid(l0 . syn0)",
        "l2": "layer 2's outputs, the answers: sigmoid(l1 . syn1)",
        "l2_error": "how far off each answer is: y - l2",
        "mean_error": "the mean size of l2_error, as last printed (every 10,000 iterations)",
        "l2_delta": "l2_error times the sigmoid's slope at l2: sure answers move least",
        "l1_error": "l1's share of the blame, sent back through syn1: l2_delta . syn1^T",
        "l1_delta": "l1_error times the sigmoid's slope at l1",
        "syn1": "the weights from layer 1 to layer 2, after this iteration's update",
        "syn0": "the weights from layer 0 to layer 1, after this iteration's update",
    },
    "eleven_lines": {
        "l1": "layer 1's outputs: sigmoid(X . syn0)",
        "l2": "layer 2's outputs, the answers: sigmoid(l1 . syn1)",
        "l2_delta": "(y - l2) times the sigmoid's slope at l2, l2 * (1 - l2)",
        "l1_delta": "(l2_delta . syn1^T) times the sigmoid's slope at l1, l1 * (1 - l1)",
        "syn1": "the weights from layer 1 to layer 2, after this iteration's update",
        "syn0": "the weights from layer 0 to layer 1, after this iteration's update",
    },
    "MultiLayerNeuralNetwork.train": {
        "output_from_layer_1": "layer 1's outputs: sigmoid(inputs . layer 1's weights)",
        "output_from_layer_2": "the answers: sigmoid(output_from_layer_1 . layer 2's weights)",
        "layer2_error": "how far off each answer is: the wanted output minus the answer",
        "layer2_delta": "layer2_error times the sigmoid's slope at the answers",
        "layer1_error": "layer 1's share of the blame: layer2_delta . layer 2's weights^T",
        "layer1_delta": "layer1_error times the sigmoid's slope at output_from_layer_1",
        "layer1_adjustment": "layer 1's change: inputs^T . layer1_delta",
        "layer2_adjustment": "layer 2's change: output_from_layer_1^T . layer2_delta",
        "self.layer1.synaptic_weights": "layer 1's weights, after this iteration's change",
        "self.layer2.synaptic_weights": "layer 2's weights, after this iteration's change",
    },
    "gradient_descent": {
        "layer_0": "layer 0, the inputs X: one example a row",
        "layer_1": "layer 1's outputs: sigmoid(layer_0 . synapse_0)",
        "layer_2": "layer 2's outputs, the answers: sigmoid(layer_1 . synapse_1)",
        "layer_2_error": "layer_2 - y; y - layer_2 with --directions, as the post's third program",
        "mean_error": "the mean size of layer_2_error, as last printed (every 10,000 iterations)",
        "layer_2_delta": "layer_2_error times the sigmoid's slope at layer_2",
        "layer_1_error": "layer 1's share: layer_2_delta . synapse_1^T",
        "layer_1_delta": "layer_1_error times the sigmoid's slope at layer_1",
        "synapse_1_weight_update": "synapse_1's step before alpha scales it: "
                                   "layer_1^T . layer_2_delta",
        "synapse_0_weight_update": "synapse_0's step before alpha scales it: "
                                   "layer_0^T . layer_1_delta",
        "synapse_0_direction_count": "how often each synapse_0 update has turned round so far",
        "synapse_1_direction_count": "how often each synapse_1 update has turned round so far",
        "synapse_1": "the weights from layer 1 to layer 2, after this iteration's step",
        "synapse_0": "the weights from layer 0 to layer 1, after this iteration's step",
        "prev_synapse_0_weight_update": "this iteration's synapse_0 update, kept for the next",
        "prev_synapse_1_weight_update": "this iteration's synapse_1 update, kept for the next",
    },
    "train_network": {
        "outputs": "layer k's outputs, the inputs first: sigmoid(layer k-1's . weights[k-1])",
        "layer_errors": "layer k's error: y - the answers for the last, else its share sent back",
        "deltas": "layer k's error times the sigmoid's slope at its outputs",
        "error": "the mean size of the last layer's error, as last noted (every `every`)",
        "errors": None,
        "update": "weights[0]'s update, the last made, before alpha scales it: X^T . deltas[1]",
        "weights": "weights[k] takes layer k to k+1 (bias: its last row), after this update",
        "non_finite_at": None,
    },
}


class SourceUnavailable(RuntimeError):
    """--trace reads a program's source to find its loop, and Python has none for it."""


def training_loop(function: Callable) -> Tuple[int, int, str, List[str]]:
    """A function's first `for COUNTER in range(...)`: its lines, its counter, what it assigns.

    >>> training_loop(three_layer)[2:]
    ('j', ['l0', 'l1', 'l2', 'l2_error', 'mean_error', 'l2_delta', 'l1_error', 'l1_delta', 'syn1', 'syn0'])
    """
    try:
        lines, first_line = inspect.getsourcelines(function)
    except (OSError, TypeError):
        raise SourceUnavailable("cannot trace %s: Python has no source for it (was the file "
                                "run with exec()? run it as a file, or %%run it)"
                                % function.__qualname__) from None
    for loop in ast.walk(ast.parse(textwrap.dedent("".join(lines)))):
        if (isinstance(loop, ast.For) and isinstance(loop.target, ast.Name)
                and isinstance(loop.iter, ast.Call)
                and getattr(loop.iter.func, "id", None) == "range"):
            break
    else:
        raise ValueError("%s has no `for ... in range(...)` loop to trace" % function.__name__)
    assignments = sorted((node for node in ast.walk(loop) if isinstance(node, ast.Assign)),
                         key=lambda node: (node.lineno, node.col_offset))
    names = []
    for assignment in assignments:
        for target in assignment.targets:
            for part in target.elts if isinstance(target, ast.Tuple) else [target]:
                name = dotted_name(part)
                if name not in names and name != loop.target.id:
                    names.append(name)
    return (first_line + loop.lineno - 1, first_line + loop.end_lineno - 1, loop.target.id,
            names)


def dotted_name(target) -> str:
    """The name an assignment target stands for: 'x', 'self.weights', or 'weights' for weights[k]."""
    if isinstance(target, ast.Attribute):
        return dotted_name(target.value) + "." + target.attr
    if isinstance(target, ast.Subscript):
        return dotted_name(target.value)
    return target.id


@contextlib.contextmanager
def tracing(loop_function: Callable):
    """While inside, print what loop_function's loop computed in its first and its last iteration.

    Each time the loop is run (gradient_descent runs it once an alpha).
    """
    loop_line, end_line, counter, names = training_loop(loop_function)
    notes = TRACE_NOTES.get(loop_function.__qualname__, {})
    code = loop_function.__code__
    previous_line = 0
    ended = None  # the last iteration that came back to the `for` line, after the first

    def each_line(frame, event, arg):
        nonlocal previous_line, ended
        line = frame.f_lineno
        in_body = loop_line < previous_line <= end_line
        if event == "line" and line == loop_line and in_body:  # back at the `for`
            iteration = frame.f_locals[counter]
            if iteration == 0:
                print_iteration(0, frame.f_locals, names, notes)
            else:
                ended = iteration
        elif (event == "return" or not loop_line <= line <= end_line) \
                and loop_line <= previous_line <= end_line:  # the loop is left
            # by a `break` or `return` from the body, mid-iteration: that one is the last
            last = frame.f_locals.get(counter) if in_body else ended
            if last is not None:  # 0 too: a loop that stops in its first iteration
                print_iteration(last, frame.f_locals, names, notes)
            ended = None
        previous_line = line
        return each_line

    def each_call(frame, event, arg):
        nonlocal previous_line, ended
        if frame.f_code is code:
            previous_line, ended = 0, None
            return each_line
        return None

    tracer_before = sys.gettrace()
    sys.settrace(each_call)
    try:
        yield
    finally:
        sys.settrace(tracer_before)


def print_iteration(iteration: int, variables, names: List[str], notes: dict) -> None:
    """Each value the loop assigned, in the order it assigns them, with a note saying what it is."""
    print("--- iteration %d ---" % iteration)
    for name in names:
        base, *attributes = name.split(".")
        if base not in variables or (name in notes and notes[name] is None):
            continue  # assigned on some iterations only, or bookkeeping
        value = variables[base]
        for attribute in attributes:
            value = getattr(value, attribute)
        if is_list_of_matrices(value):  # each layer's: label each with its index
            labelled = [("%s[%d]" % (name, k), matrix) for k, matrix in enumerate(value)
                        if matrix is not None]  # layer 0, the inputs, has no error or delta
        else:
            labelled = [(name, value)]
        note = notes.get(name)
        for label, value in labelled:
            print("%s: %s" % (label, note) if note else label + ":")
            print(numpy_str(value) if isinstance(value, list) else python2_str(value)
                  if isinstance(value, (int, float)) else repr(value))


def is_list_of_matrices(value) -> bool:
    """Whether value is a list of matrices (None standing for one not made), as train's are.

    >>> is_list_of_matrices([None, [[0.5]]]), is_list_of_matrices([[0.5]])
    (True, False)
    """
    matrices = [m for m in value if m is not None] if isinstance(value, list) else []
    return bool(matrices) and all(isinstance(m, list) and m and isinstance(m[0], list)
                                  for m in matrices)


# ----------------------------------------------------------------------------
# What the command line accepts
#
# A classroom tool on a school machine: each limit keeps one run to about a
# minute and a few hundred MB.  Everything from outside (arguments, data files)
# is converted and checked here, once, before anything is trained.
# ----------------------------------------------------------------------------

MAX_ITERATIONS = 1000000          # of one network
MAX_NEURONS = 1000                # inputs, or neurons in a layer
MAX_LAYERS = 10                   # sizes in --layers, the inputs included
MAX_ALPHAS = 20                   # --alpha given again and again
MAX_DATA_BYTES = 10 * 1024 * 1024
MAX_EXAMPLES = 100000
MAX_NUMBERS = 1000000             # in a data file, all lines together
MAX_CELL_CHARACTERS = 100         # one number as text
MAX_FIELDS = 2 * MAX_NEURONS      # in a line of a data file, --skip's columns too
MAX_NAME_CHARACTERS = 200         # a file's name in a message, before it is shortened
MAX_SAVED_WEIGHTS = 400000        # --save: a file of a few MB that --load reads back
MAX_RUNS = 100                    # bench
TABLE_MAX_INPUTS = 10             # --table lists 2**inputs rows: 1024 at most
MAX_ARGUMENTS = 1000              # words on the command line: argparse slows with their square
MAX_SECONDS = 60                  # a whole run, as estimated below: about a minute
MAX_BYTES = 300 * 1024 * 1024     # a run's memory: a few hundred MB


class InputError(ValueError):
    """Bad input from outside: the command line reports it in one line, with exit status 2."""


def read_number(text: str, kind: type = float) -> Number:
    """int(text) or float(text), finite; a ValueError saying what was expected otherwise.

    Text too long for a number is refused before int() sees it, which can be slow.

    >>> read_number("60000", int), read_number(" 0.5")
    (60000, 0.5)
    """
    if not isinstance(text, str):
        raise TypeError("expected text, got %r" % (text,))
    expected = "a whole number" if kind is int else "a number"
    if len(text) > MAX_CELL_CHARACTERS:
        raise ValueError("expected %s of at most %d characters, got %s"
                         % (expected, MAX_CELL_CHARACTERS, quoted(text)))
    try:
        number = kind(text)
    except ValueError:
        raise ValueError("expected %s, got %s" % (expected, quoted(text))) from None
    # -1e300..1e300 refuses inf and nan, and whole numbers that no float holds
    if not -1e300 < number < 1e300:
        raise ValueError("expected %s below 1e300 in size (not inf or nan), got %s"
                         % (expected, quoted(text)))
    return number


def real_number(text: str) -> Number:
    """A finite number, kept whole when written as one: '10' is 10, '0.5' is 0.5.

    >>> real_number("10"), real_number("-2"), real_number("0.5")
    (10, -2, 0.5)
    """
    whole = isinstance(text, str) and text.strip().lstrip("+-").isdigit()
    return read_number(text, int if whole else float)


def whole_number(text: str, low: int, high: int) -> int:
    """A whole number from low to high.

    >>> whole_number("60000", 0, MAX_ITERATIONS)
    60000
    """
    number = read_number(text, int)
    if not low <= number <= high:
        raise ValueError("expected a whole number from %d to %d, got %s" % (low, high, quoted(text)))
    return number


def quoted(text: str, longest: int = 40) -> str:
    """Input quoted for a message: control characters escaped, the end of a long one left out,
    and any character the console cannot show written as its escape.

    >>> quoted("abc"), quoted("1" * 401), quoted("a\\nb")
    ("'abc'", "'11111111111111111111...' (401 characters)", "'a\\\\nb'")
    """
    if len(text) <= longest:
        return console_safe(repr(text))
    return "%s (%d characters)" % (console_safe(repr(text[:longest // 2] + "...")), len(text))


def console_safe(text: str) -> str:
    """text with what the console's encoding cannot hold written as Python escapes ('\\xe9').

    Both streams count: a name printed on stdout may appear in an error on stderr.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not isinstance(encoding, str):
            continue
        try:
            text.encode(encoding)
        except UnicodeEncodeError:
            text = text.encode(encoding, "backslashreplace").decode(encoding)
        except LookupError:
            pass
    return text


def shown_name(name) -> str:
    """A file's name for a message or the Data: line: as it is when plain, else quoted.

    >>> shown_name("exam.csv"), shown_name("a\\x1b[2Jb.csv")
    ('exam.csv', "'a\\\\x1b[2Jb.csv'")
    """
    text = os.fsdecode(name)
    plain = (0 < len(text) <= MAX_NAME_CHARACTERS and text.isprintable()
             and console_safe(text) == text)
    return text if plain else quoted(text, MAX_NAME_CHARACTERS)


# The command line's converters: argparse calls one on each option's text
# (type=), and its ArgumentTypeError becomes one line naming the option.

def option_type(convert: Callable) -> Callable:
    """convert, for argparse's type=: a ValueError it raises becomes argparse's own error."""
    def from_text(text: str):
        try:
            return convert(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None
    return from_text


def whole_numbers(low: int, high: int) -> Callable:
    """A converter of whole numbers from low to high."""
    return option_type(lambda text: whole_number(text, low, high))


@option_type
def read_alpha(text: str) -> Number:
    """An alpha above 0, kept as Python would print it: '10' is 10, '0.001' is 0.001."""
    alpha = real_number(text)
    if not alpha > 0:
        raise ValueError("expected a number more than 0, got %s" % quoted(text))
    return alpha


@option_type
def read_situation(text: str) -> Vector:
    """Inputs separated by commas, as --ask takes them: '1,0,0.5' is [1, 0, 0.5]."""
    parts = text.split(",")
    if len(parts) > MAX_NEURONS:
        raise ValueError("expected at most %d numbers, got %d" % (MAX_NEURONS, len(parts)))
    return [real_number(part) for part in parts]


@option_type
def read_layers(text: str) -> List[int]:
    """Layer sizes from '3,4,1': the number of inputs, then each layer's neurons."""
    sizes = text.split(",")
    if not 2 <= len(sizes) <= MAX_LAYERS:
        raise ValueError("expected 2 to %d sizes, the inputs first, like 3,4,1; got %s"
                         % (MAX_LAYERS, quoted(text)))
    return [whole_number(size, 1, MAX_NEURONS) for size in sizes]


def check_arguments(argv: Sequence[str]) -> None:
    """Refuse a command line too long to read quickly: argparse's time grows with its words squared."""
    if len(argv) > MAX_ARGUMENTS:
        raise InputError("the command line has %d words, more than the %d it takes"
                         % (len(argv), MAX_ARGUMENTS))


# --- What a run costs ---------------------------------------------------------
#
# Every run is estimated before it starts, and refused when it would pass
# about a minute (MAX_SECONDS) or a few hundred MB (MAX_BYTES).  The costs are
# measured with CPython 3.11 on the machine these tests run on, taken as a
# school laptop; PyPy runs the same work several times faster.  To measure
# them again when the code gets faster or slower: python3 .ci/bench_limits.py,
# which runs real commands and prints measured time over estimated time.

# An iteration of training, piece by piece (train_network; the posts' programs
# do the same work on their small networks):
SECONDS_A_MULTIPLY_ADD = 24e-9   # dot's innermost step: an example's input times a weight
SECONDS_AN_INPUT = 10e-9         # an example's input to a layer, transposed for the update
SECONDS_A_NEURON = 160e-9        # a neuron's answer to an example: sigmoid, slope, error, delta
SECONDS_A_ROW = 0.9e-6           # an example's row through a layer's dozen helper calls
SECONDS_A_WEIGHT = 0.25e-6       # a weight's update: transposed, scaled by alpha, added
SECONDS_A_LAYER = 2.5e-6         # a layer's helper calls themselves
# Matrices much bigger than the processor's cache, and the garbage collector
# walking their many rows, make each entry up to MOST_SLOWDOWN times slower.
CACHE_ENTRIES = 300000
ROW_ENTRIES = 3                  # a row's own list weighs on both as much as 3 entries
MOST_SLOWDOWN = 2.2
# Answering one situation (--ask, a row of --table) reads each weight once,
# column by column, out of the order they lie in memory:
SECONDS_AN_ANSWER_MULTIPLY_ADD = 50e-9
SECONDS_AN_ANSWER_NEURON = 0.45e-6
SECONDS_AN_ANSWER_LAYER = 5e-6
# Reading a data file, before the estimate is made but part of the run:
SECONDS_A_LINE_READ = 5e-6
SECONDS_A_NUMBER_READ = 1e-6
DIRECTIONS_SLOWDOWN = 1.2        # gradient-descent --directions: counting turns too
TRACE_SLOWDOWN = 3.5             # --trace: Python calls the tracer at every function call
SECONDS_A_PRINTED_NUMBER = 2e-6  # numpy_str, for --trace
SECONDS_A_NOTED_ERROR = 3e-6     # --every: an error worked out and printed, or kept for --plot
SECONDS_A_TABLE_CHECK = 0.1e-6   # --table: one training example compared with one row
# After training, the final error and each example's answer:
AFTER_TRAINING_SHARE = 0.8       # two passes forward, as a share of an iteration
SECONDS_AN_EXAMPLE_LISTED = 5e-6  # its answer judged and kept for the listing
# --check: each weight it checks (CHECK_MAX_WEIGHTS a matrix at most) is nudged
# both ways, each a pass forward over every example: more than an iteration
CHECKED_WEIGHT_SHARE = 1.3

# Memory: a float is 24 bytes on CPython, and its list holds an 8-byte pointer
# to it; each row is a list of its own.  Training keeps every layer's outputs,
# errors and deltas for the examples alive (about LAYER_COPIES matrices a layer),
# the widest layer's few more while they are worked out, and copies of the weights.
BYTES_A_NUMBER = 32
BYTES_A_ROW = 88
LAYER_COPIES = 3.7
WIDEST_COPIES = 1.5
WEIGHT_COPIES = 6
BYTES_AT_START = 20 * 1024 * 1024  # Python with this file loaded
BYTES_A_NOTED_ERROR = 120          # --every or --plot: (iteration, error), kept to the end
BYTES_A_TRACED_NUMBER = 100        # --trace: numpy_str's text, and the numbers it looks through

def weight_count(layers: Sequence[int], bias: bool = False) -> int:
    """How many weights a network has, all its matrices together.

    >>> weight_count([3, 4, 1]), weight_count([3, 4, 1], bias=True)
    (16, 21)
    """
    return sum(rows * columns for rows, columns in weight_shapes(layers, bias))


def training_seconds(iterations: int, examples: int, layers: Sequence[int],
                     bias: bool = False) -> float:
    """About how many seconds train_network takes on a school laptop with CPython.

    >>> round(training_seconds(60000, 4, [3, 4, 1]), 1)  # the 3-layer network's training
    1.4
    """
    extra = 1 if bias else 0  # the bias: one more input to each layer
    pairs = list(zip(layers, layers[1:]))  # each layer's inputs and neurons
    # forward and the update: (inputs + bias) x neurons an example each; the
    # error sent back to the layer below: inputs x neurons more, above the first
    multiply_adds = sum((2 * (inputs + extra) + (inputs if k else 0)) * neurons
                        for k, (inputs, neurons) in enumerate(pairs))
    weights = weight_count(layers, bias)
    an_example = (multiply_adds * SECONDS_A_MULTIPLY_ADD
                  + sum(inputs + extra for inputs, _ in pairs) * SECONDS_AN_INPUT
                  + sum(neurons for _, neurons in pairs) * SECONDS_A_NEURON
                  + len(pairs) * SECONDS_A_ROW)
    slowdown = cache_slowdown(examples * (max(layers) + extra + ROW_ENTRIES), weights)
    an_iteration = (slowdown * (examples * an_example + weights * SECONDS_A_WEIGHT)
                    + len(pairs) * SECONDS_A_LAYER)
    return iterations * an_iteration


def cache_slowdown(*entries: int) -> float:
    """How much slower each entry's work gets when the biggest matrix has this many entries."""
    return min(MOST_SLOWDOWN, 1 + max(entries) / CACHE_ENTRIES)


def answer_seconds(layers: Sequence[int], bias: bool = False) -> float:
    """About how long a trained network takes to answer one situation (--ask, a --table row)."""
    weights = weight_count(layers, bias)
    return (cache_slowdown(weights) * weights * SECONDS_AN_ANSWER_MULTIPLY_ADD
            + sum(layers[1:]) * SECONDS_AN_ANSWER_NEURON
            + (len(layers) - 1) * SECONDS_AN_ANSWER_LAYER)


def matrix_bytes(rows: int, columns: int) -> int:
    """About how much memory a matrix of floats takes on CPython.

    >>> matrix_bytes(1000, 1000) // 2 ** 20  # a million floats: about 31 MB
    30
    """
    return rows * (BYTES_A_ROW + columns * BYTES_A_NUMBER)


def train_seconds(iterations: int, examples: int, layers: Sequence[int], bias: bool = False,
                  trace: bool = False, every: int = 0, asks: int = 0,
                  table: bool = False, check: bool = False) -> float:
    """About how long the train command takes: reading, training, then what is printed.

    every: how often an error is noted (--every, or --plot's own); asks: how
    many --ask; table: whether --table lists the 2**inputs answers; check:
    whether --check nudges weights.

    >>> train_seconds(20000, 5000, [2, 1]) > MAX_SECONDS  # a class's 5,000-row file: 2 minutes
    True
    """
    an_iteration = training_seconds(1, examples, layers, bias)
    seconds = iterations * an_iteration
    if trace:
        # every matrix of two iterations printed: the layers' outputs, an error
        # and a delta as wide as the widest layer, the update and the weights
        weights = weight_count(layers)
        printed = 2 * (examples * (sum(layers) + 2 * max(layers)) + 2 * weights)
        seconds = seconds * TRACE_SLOWDOWN + printed * SECONDS_A_PRINTED_NUMBER
    if every:
        notes = iterations // every + 1
        seconds += notes * (SECONDS_A_NOTED_ERROR + examples * layers[-1] * SECONDS_A_NEURON)
    seconds += examples * (SECONDS_A_LINE_READ + (layers[0] + layers[-1]) * SECONDS_A_NUMBER_READ)
    seconds += AFTER_TRAINING_SHARE * an_iteration + examples * SECONDS_AN_EXAMPLE_LISTED
    if check:  # one update again, then the weights it checks
        checked = sum(min(rows * columns, CHECK_MAX_WEIGHTS)
                      for rows, columns in weight_shapes(layers, bias))
        seconds += (1 + checked * CHECKED_WEIGHT_SHARE) * an_iteration
    one_answer = answer_seconds(layers, bias)
    seconds += asks * one_answer
    if table:
        seconds += 2 ** layers[0] * (one_answer + examples * SECONDS_A_TABLE_CHECK)
    return seconds


def train_bytes(iterations: int, examples: int, layers: Sequence[int], bias: bool = False,
                trace: bool = False, every: int = 0) -> int:
    """About how much memory the train command takes at its peak, the data included.

    >>> train_bytes(10000, 20000, [1, 1000, 1]) > 3 * 2 ** 30  # 3.2 GB measured
    True
    """
    extra = 1 if bias else 0
    every_layer = sum(matrix_bytes(examples, size + extra) for size in layers)
    widest = matrix_bytes(examples, max(layers) + extra)
    weights = sum(matrix_bytes(rows, columns) for rows, columns in weight_shapes(layers, bias))
    data = matrix_bytes(examples, layers[0]) + matrix_bytes(examples, layers[-1])
    total = (BYTES_AT_START + data + LAYER_COPIES * every_layer + WIDEST_COPIES * widest
             + WEIGHT_COPIES * weights)
    if every:
        total += (iterations // every + 1) * BYTES_A_NOTED_ERROR
    if trace:
        total += BYTES_A_TRACED_NUMBER * examples * (max(layers) + extra)
    return total


def program_seconds(network: Tuple[int, List[int]], settings: dict, trace: bool = False) -> float:
    """About how long a post's program takes with these settings (all of its own, as bound).

    network: its examples and layer sizes (each Program entry holds its own).

    >>> seven = (0.001, 0.01, 0.1, 1, 10, 100, 1000)  # gradient-descent --hidden 32: 42 s measured
    >>> round(program_seconds((4, [3, 4, 1]), {"iterations": 60000, "alphas": seven,
    ...                                        "hidden_size": 32}))
    40
    """
    examples, layers = network[0], program_layers(network, settings)
    networks = len(settings.get("alphas", [1]))
    seconds = networks * training_seconds(settings["iterations"], examples, layers)
    if settings.get("directions"):
        seconds *= DIRECTIONS_SLOWDOWN
    return seconds * (TRACE_SLOWDOWN if trace else 1)


def program_layers(network: Tuple[int, List[int]], settings: dict) -> List[int]:
    """A post's program's layer sizes, its hidden layer as wide as hidden_size says, if set."""
    layers = network[1]
    if "hidden_size" in settings:
        return [layers[0], settings["hidden_size"], layers[-1]]
    return layers


def check_run(seconds: float, memory: float = 0,
              advice: str = "use fewer iterations, examples or neurons") -> None:
    """Refuse, before it starts, a run estimated to pass about a minute or a few hundred MB.

    >>> check_run(200)
    Traceback (most recent call last):
    ...
    pureneuron.InputError: this run would take about 3 minutes, over the limit of about a minute; use fewer iterations, examples or neurons
    """
    if seconds > MAX_SECONDS:
        raise InputError("this run would take %s, over the limit of %s; %s"
                         % (duration_words(seconds), duration_words(MAX_SECONDS), advice))
    if memory > MAX_BYTES:
        raise InputError("this run would need %s of memory, over the limit of %s; use fewer "
                         "examples or neurons" % (size_words(memory), size_words(MAX_BYTES)))


def duration_words(seconds: float) -> str:
    """A time as a person says it, in whole units.

    >>> duration_words(60), duration_words(73), duration_words(200), duration_words(9000)
    ('about a minute', 'about 73 seconds', 'about 3 minutes', 'about 3 hours')
    """
    if seconds < 1:
        return "under a second"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        amount = seconds / size
        if amount == 1 or amount >= 2 or size == 1:  # 90 seconds, not "about 2 minutes"
            break
    whole = int(amount + 0.5)
    if whole == 1:
        return "about %s %s" % ("an" if unit == "hour" else "a", unit)
    return "about %d %ss" % (whole, unit)


def size_words(size: float) -> str:
    """An amount of memory in MB or GB, as a person says it.

    >>> size_words(300 * 2 ** 20), size_words(3.2 * 2 ** 30)
    ('300 MB', 'about 3.2 GB')
    """
    megabytes = size / 2 ** 20
    if megabytes == int(megabytes):
        return "%d MB" % megabytes
    return "about %d MB" % megabytes if megabytes < 1000 else "about %.1f GB" % (megabytes / 1024)


def limits_text() -> str:
    """The limits as --help's last paragraph states them."""
    return ("Limits: every run is estimated before it starts and refused if it would take "
            "more than %s or a few hundred MB of memory (%s) on a school laptop; the posts' "
            "programs at their own settings always run. At most %d iterations a network, %d "
            "neurons a layer, %d sizes in --layers; data files of %d MB, %d examples and %d "
            "numbers; %d words on the command line."
            % (duration_words(MAX_SECONDS), size_words(MAX_BYTES), MAX_ITERATIONS, MAX_NEURONS,
               MAX_LAYERS, MAX_DATA_BYTES // 2 ** 20, MAX_EXAMPLES, MAX_NUMBERS, MAX_ARGUMENTS))


# ----------------------------------------------------------------------------
# The playground's data: named tables and the files spreadsheets write
# ----------------------------------------------------------------------------

class Table(NamedTuple):
    """Examples to train or test on: the inputs X, the targets y, and what is known of them."""
    X: Matrix
    y: Matrix
    description: str
    labels: Optional[List[str]] = None  # the target's two words, for 0 and for 1
    inputs: Optional[List[str]] = None  # the input columns' names, from a header
    names: Optional[List[str]] = None   # each example's cells in the --skip columns, a label
    names_heading: str = ""             # those columns' names, from a header


# The posts' tables keep their third input, always 1; the gates have just two.
DATASETS = {
    "milo": Table([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], [[0], [1], [1], [0]],
                  "Milo's table: the first input"),
    "trask": Table([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [1], [1], [0]],
                   "Trask's 3-layer table: inputs 1 xor 2"),
    "trask-2layer": Table([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [0], [1], [1]],
                          "Trask's 2-layer table: the first input"),
    "multi-layer": Table([[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1],
                          [0, 0, 0]], [[0], [1], [1], [1], [1], [0], [0]],
                         "Milo's multi-layer table"),
    "and": Table([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [0], [0], [1]],
                 "1 when both inputs are 1"),
    "or": Table([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [1]],
                "1 when either input is 1"),
    "xor": Table([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]],
                 "1 when exactly one input is 1"),
    "nand": Table([[0, 0], [0, 1], [1, 0], [1, 1]], [[1], [1], [1], [0]],
                  "0 only when both inputs are 1"),
    "weather": Table([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1],
                      [1, 0, 1]], [[0], [1], [0], [0], [1], [1], [1]],
                     "whether we stayed in",
                     inputs=["rain", "cold", "wind"]),
    "exam": Table([[1, 8], [2, 5], [2, 9], [3, 4], [3, 7], [4, 5], [4, 8], [5, 3],
                   [5, 6], [6, 4], [6, 8], [7, 5], [7, 9], [8, 3], [1, 6], [8, 7]],
                  [[0], [0], [1], [0], [1], [0], [1], [0],
                   [1], [1], [1], [1], [1], [0], [0], [1]],
                  "who passed (hours)",
                  labels=["fail", "pass"], inputs=["studied", "slept"]),
}

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
CSV_ERRORS = {
    "unexpected end of data": 'a quote (") opens a cell that the line does not close',
    "field larger than field limit": "a cell of more than %d characters" % csv.field_size_limit(),
}

# Words that mean 0 when a target column has two; otherwise the words go in
# alphabetical order.  The mapping is printed either way.
NO_WORDS = {"no", "n", "false", "f", "fail", "failed", "off", "wrong", "negative", "nein",
            "non", "nee", "falsch", "nicht bestanden", "durchgefallen", "nok"}


def parse_examples(lines: Iterable[str], name: str = "data", skip: Sequence[str] = (),
                   labels: Optional[Sequence[str]] = None, encoding: str = "UTF-8") -> Table:
    """The examples in spreadsheet lines, the target last; a first line of names is a header.

    The separator is a tab if the first line has one, else a semicolon if it
    has one, else a comma; with tabs or semicolons a comma in a number is its
    decimal point.  Blank lines are ignored; every other line has as many
    fields as the first.  The first line is a header when none of its cells is
    a number.  The target is a number from 0 to 1, or one of two words (pass,
    fail), which become 0 and 1.  skip: columns left out, by header name or
    number.  labels: the target's words as training read them, for a test file.
    encoding: the file's, named in the description unless it is UTF-8.

    >>> table = parse_examples(["a;b;answer", "0;1,5;yes", "", "1;1;no"])
    >>> table.X, table.y, table.labels
    ([[0, 1.5], [1, 1]], [[1], [0]], ['no', 'yes'])
    >>> table.description
    '2 examples of 2 inputs, separated by semicolons with decimal commas'
    """
    X, words, word_lines, header, kept, names = [], [], [], None, None, []
    separator, fields, first, decimal_commas, first_point = ",", None, None, False, None
    for number, line in enumerate(lines, 1):
        if not isinstance(line, str):
            raise TypeError("parse_examples takes lines of text, got %r" % (line,))
        if not line.strip():
            continue
        if fields is None:
            separator = "\t" if "\t" in line else ";" if ";" in line else ","
        where = "%s line %d" % (name, number)
        if line.count(separator) >= MAX_FIELDS:  # refused before it is split into cells
            raise InputError("%s: more than %d fields; a line holds the inputs (at most %d), "
                             "then the target" % (where, MAX_FIELDS, MAX_NEURONS))
        try:
            cells = next(csv.reader([line], delimiter=separator, strict=True))
        except csv.Error as error:  # csv's own words (PyPy's start "line 1: "), said anew
            reason = str(error).split(": ")[-1].split(" (")[0]
            raise InputError("%s: %s" % (where, CSV_ERRORS.get(reason, reason))) from None
        if not any(cell.strip() for cell in cells):
            continue  # a spreadsheet's empty row: ;;;
        has_numbers = any(is_number(decimal_point(cell, separator)) for cell in cells)
        if fields is None:
            first, fields = number, len(cells)
            if not has_numbers:
                header = [cell.strip() for cell in cells]
                continue
        if kept is None:  # the first example: now the columns are known
            if header and not has_numbers and fields > 1 and len(list(filter(None, header))) == 1:
                raise InputError("%s: names, not numbers: is line %d, %s, a title above the "
                                 "table? Delete it" % (where, first, quoted(header[0])))
            if header:  # spreadsheets write empty cells past the last column: a;b;t;;;
                filled = [column for column in range(fields)
                          if header[column] or (column < len(cells) and cells[column].strip())]
                fields = filled[-1] + 1
                header = header[:fields]
            kept = kept_columns(fields, header, skip, name)
            left_out = [column for column in range(fields) if column not in kept]
            if not 2 <= len(kept) <= MAX_NEURONS + 1:
                raise InputError(
                    "%s line %d: %s%s, but a line holds the inputs, then the target: 2 to %d "
                    "fields%s" % (name, first, plural(len(kept), "field"), " kept" if skip else "",
                                  MAX_NEURONS + 1, " (separated by something other than , ; or "
                                  "tab?)" if fields == 1 else ""))
        while len(cells) > fields and not cells[-1].strip():  # those empty cells again
            cells.pop()
        if len(cells) != fields:
            raise InputError("%s: %s, but line %d has %d (the inputs, then the target)"
                             % (where, plural(len(cells), "field"), first, fields))
        if len(X) == MAX_EXAMPLES or (len(X) + 1) * len(kept) > MAX_NUMBERS:
            raise InputError("%s: more than %d examples or %d numbers, the most a lesson "
                             "trains on" % (name, len(X), MAX_NUMBERS))
        values = []
        for column in kept[:-1]:
            cell = decimal_point(cells[column], separator)
            if cell != cells[column]:
                decimal_commas = True
                if "." in cells[column]:  # 1.200,5: a German thousands separator
                    raise InputError("%s, column %d: %s has a point and a comma; write numbers "
                                     "without a thousands separator, like 1200,5"
                                     % (where, column + 1, quoted(cells[column].strip())))
            elif separator != "," and "." in cell and first_point is None:
                first_point = "%s, column %d: %s" % (where, column + 1, quoted(cell.strip()))
            values.append(input_number(cell, cells[column], where, column, header, not X))
        X.append(values)
        target = cells[kept[-1]].strip()
        if len(target) > MAX_CELL_CHARACTERS:
            raise InputError("%s, column %d: a target of %d characters; a word or a number "
                             "is expected" % (where, kept[-1] + 1, len(target)))
        words.append(target)
        word_lines.append(number)
        if skip:
            names.append(" ".join(cells[column].strip() for column in left_out))
    if not X:
        raise InputError("%s has no examples" % name)
    if decimal_commas and first_point:  # 1.200 beside 7,5: a point can only group thousands
        raise InputError("%s has a point, but other numbers have decimal commas: if it groups "
                         "thousands, write the number without it, like 1200" % first_point)
    y, labels = read_targets(words, word_lines, labels, name, kept[-1] + 1)
    description = "%s of %s, separated by %s%s" % (
        plural(len(X), "example"), plural(len(X[0]), "input"), SEPARATORS[separator],
        " with decimal commas" if decimal_commas else "")
    if encoding != "UTF-8":
        description += ", %s text" % encoding
    if skip:
        description += "; left out: %s" % (
            column_names([header[column] for column in left_out]) if header
            else ", ".join("column %d" % (column + 1) for column in left_out))
    inputs = [header[column] for column in kept[:-1]] if header else None
    names_heading = " ".join(header[column] for column in left_out) if header and skip else ""
    return Table(X, y, description, labels, inputs, names or None, names_heading)


def column_names(names: Sequence[str], most: int = 10) -> str:
    """Header names for a message: each as shown_name shows it, at most `most` of them."""
    shown = ", ".join(map(shown_name, names[:most]))
    return shown + (", ... (%d in all)" % len(names) if len(names) > most else "")


def decimal_point(cell: str, separator: str) -> str:
    """A cell with its decimal comma made a point, where commas cannot be separators."""
    return cell.replace(",", ".") if separator != "," else cell


def kept_columns(fields: int, header: Optional[List[str]], skip: Sequence[str],
                 name: str) -> List[int]:
    """The columns (counted from 0) that remain when those named in --skip are left out."""
    left_out = set()
    for text in skip:
        text = text.strip()
        if text.isdigit() and 1 <= int(text) <= fields:
            left_out.add(int(text) - 1)
        elif header and text.casefold() in [cell.casefold() for cell in header]:
            left_out.add([cell.casefold() for cell in header].index(text.casefold()))
        else:
            raise InputError("--skip %s: %s has no such column; it has %s"
                             % (quoted(text), name, column_names(header) if header else
                                "%d columns, numbered from 1, and no header" % fields))
    return [column for column in range(fields) if column not in left_out]


def number_in(text: str, where: str) -> Number:
    """A number from a data file, or an InputError saying where it is and what it was."""
    try:
        return real_number(text)
    except ValueError as error:
        raise InputError("%s: %s" % (where, error)) from None


# What a spreadsheet may write in a number: digits, signs, a point or comma, a
# percent sign, and spaces (a no-break one too) or an apostrophe between thousands
NUMBER_CHARACTERS = "0123456789+-.,% \xa0'"


def input_number(cell: str, as_written: str, where: str, column: int,
                 header: Optional[List[str]], first_example: bool) -> Number:
    """One input read from a cell (as_written: before its decimal comma became a point); a
    word in the first example is likely a column of names."""
    try:
        return real_number(cell)
    except ValueError as error:  # only now is the message worth its making
        problem = error
    what = "%s, column %d%s" % (where, column + 1,
                                " (%s)" % quoted(header[column]) if header else "")
    if not is_number(cell):  # not even inf, nan or a number too long: say what it is
        if not cell.strip():
            raise InputError("%s: an empty cell; each input needs a number" % what)
        if set(cell.strip()) <= set(NUMBER_CHARACTERS):  # 5%, 1 200: a number, written oddly
            raise InputError("%s: %s is not a number; write digits and a decimal point (or "
                             "comma) only, without %%, spaces or a thousands separator"
                             % (what, quoted(as_written.strip())))
        if first_example:
            raise InputError("%s: %s is not a number; only the target, the last column, may be "
                             "words. To leave the column out: --skip %s"
                             % (what, quoted(cell.strip()),
                                header[column] if header and header[column].replace("_", "a")
                                .replace("-", "a").isalnum() else column + 1))
    raise InputError("%s: %s" % (what, problem))


def read_targets(words: List[str], lines: List[int], labels: Optional[Sequence[str]], name: str,
            column: int) -> Tuple[Matrix, Optional[List[str]]]:
    """The target column as numbers, and its two words (for 0 and 1) when it was words.

    lines: the line each target is on, for messages.  Words are the same
    whatever their case (a spreadsheet may capitalise one: No, no).
    """
    if "" in words:
        raise InputError("%s line %d, column %d: no target (an empty cell); each example needs "
                         "one" % (name, lines[words.index("")], column))
    texts = [word for word in words if not is_number(word)]
    if not texts and not labels:
        y = []
        for line, word in zip(lines, words):
            value = number_in(word, "%s line %d, column %d" % (name, line, column))
            if not 0 <= value <= 1:
                raise InputError("%s line %d, column %d: the target %s is outside 0..1, "
                                 "where the sigmoid answers" % (name, line, column, word))
            y.append([value])
        return y, None
    if labels is None:
        spellings = {}  # each word as first written, by its casefold
        for word in texts:
            spellings.setdefault(word.casefold(), word)
        found = sorted(spellings.values(), key=lambda word: (word.casefold() not in NO_WORDS,
                                                             word.casefold()))
        if len(found) != 2 or len(texts) != len(words):
            raise InputError("%s, column %d: the target is a number from 0 to 1 or one of two "
                             "words (like pass and fail); found %s" % (name, column, ", ".join(
                                 quoted(word) for word in list(dict.fromkeys(words))[:4])))
        labels = found
    folded = [label.casefold() for label in labels]
    for line, word in zip(lines, words):
        if word.casefold() not in folded:
            raise InputError("%s line %d, column %d: the target %s is not %s or %s, as in "
                             "training%s" % (name, line, column, quoted(word), quoted(labels[0]),
                                             quoted(labels[1]), " (each line ends with its "
                                             "target: is it missing?)" if is_number(word) else ""))
    return [[folded.index(word.casefold())] for word in words], list(labels)


def is_number(cell: str) -> bool:
    """Whether a cell reads as a number at all (finite or not).

    >>> is_number(" 1"), is_number("0x1"), is_number("nan"), is_number("answer")
    (True, False, True, False)
    """
    try:
        float(cell)
        return True
    except ValueError:
        return False


def read_examples(path, skip: Sequence[str] = (), labels: Optional[Sequence[str]] = None) -> Table:
    """The examples in a file a spreadsheet saved: a regular file, at most MAX_DATA_BYTES."""
    text, encoding = read_text(path)
    return parse_examples(text_lines(text), shown_name(path), skip, labels, encoding)


def text_lines(text: str) -> Iterator[str]:
    """The lines of text one at a time, not a list of them all; CR, LF or CRLF end them.

    >>> list(text_lines("a\\r\\nb\\rc\\n\\nd"))
    ['a', 'b', 'c', '', 'd']
    """
    start, next_cr, next_lf = 0, text.find("\r"), text.find("\n")
    while True:
        # each find starts where the last line ended: one pass over the text in all
        if 0 <= next_cr < start:
            next_cr = text.find("\r", start)
        if 0 <= next_lf < start:
            next_lf = text.find("\n", start)
        ends = [end for end in (next_cr, next_lf) if end >= 0]
        if not ends:
            yield text[start:]
            return
        end = min(ends)
        yield text[start:end]
        start = end + (2 if text.startswith("\r\n", end) else 1)


def read_text(path) -> Tuple[str, str]:
    """A small file's text and its encoding: UTF-8 (with a BOM or none), UTF-16 with its BOM,
    or else cp1252, what Excel on Windows writes."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError("a data file's path is a str or os.PathLike, got %r" % (path,))
    name = shown_name(path)
    try:
        # without blocking: a FIFO with no writer would otherwise wait here forever
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise InputError("%s is not a regular file" % name)
            data = file.read(MAX_DATA_BYTES + 1)
    except OSError as error:
        raise InputError("cannot read %s: %s" % (name, error.strerror or error)) from None
    if len(data) > MAX_DATA_BYTES:
        raise InputError("%s is over %d MB, more than a lesson trains on"
                         % (name, MAX_DATA_BYTES // 2 ** 20))
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings = [("utf-16", "UTF-16")]
    else:
        encodings = [("utf-8-sig", "UTF-8"), ("cp1252", "cp1252")]
    for codec, encoding in encodings:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\0" in text:
            break
        return text, encoding
    raise InputError("cannot read %s: it holds binary data, not text a spreadsheet writes "
                     "(save it as CSV)" % name)


def load_data(name_or_path, skip: Sequence[str] = (),
              labels: Optional[Sequence[str]] = None) -> Table:
    """A named table (see DATASETS) or the examples in a file.

    A name wins over a file of the same name: ./xor reads a file called xor.

    >>> load_data("and").y
    [[0], [0], [0], [1]]
    """
    if isinstance(name_or_path, str) and name_or_path in DATASETS:
        if skip:
            raise InputError("--skip leaves out columns of a file; %s is a named table"
                             % name_or_path)
        return DATASETS[name_or_path]
    return read_examples(name_or_path, skip, labels)


def data_list() -> List[str]:
    """One line for each named table: its name, its inputs, its size and what it is."""
    width = max(map(len, DATASETS))
    return ["%-*s %3d examples, %s: %s"
            % (width, name, len(table.X), "inputs " + ", ".join(table.inputs) if table.inputs
               else plural(len(table.X[0]), "input"), table.description)
            for name, table in DATASETS.items()]


def plural(count: int, word: str) -> str:
    """'1 example', '2 examples'."""
    return "%d %s%s" % (count, word, "" if count == 1 else "s")


def check_network(X: Matrix, y: Matrix, layers: Sequence[int], bias: bool = False) -> None:
    """Refuse layers that do not fit the examples: the data's inputs first, its targets last."""
    text = ",".join(map(str, layers))
    if layers[0] != len(X[0]):
        raise InputError("layers %s start with %d inputs, but the data has %d inputs an example%s"
                         % (text, layers[0], len(X[0]),
                            " (--bias adds its constant 1 itself: count only the data's)"
                            if bias else ""))
    if layers[-1] != len(y[0]):
        raise InputError("layers %s end with %d outputs, but the data has %d target an example"
                         % (text, layers[-1], len(y[0])))


@option_type
def read_hold_out(text: str) -> Number:
    """--hold-out: a number of examples, or a fraction of them (0.25 is a quarter)."""
    amount = real_number(text)
    if not (isinstance(amount, int) and 1 <= amount <= MAX_EXAMPLES or 0 < amount < 1):
        raise ValueError("expected a number of examples (1 or more) or a fraction between 0 "
                         "and 1, got %s" % quoted(text))
    return amount


def hold_out(table: Table, amount: Number, seed: int) -> Tuple[Table, Table]:
    """The table split in two: examples to train on, and `amount` held out, chosen by the seed."""
    count = amount if isinstance(amount, int) else max(1, round(amount * len(table.X)))
    if count >= len(table.X):
        raise InputError("--hold-out %s leaves no example to train on: the data has %s"
                         % (amount, plural(len(table.X), "example")))
    # a generator of its own: Python's random numbers stay as they were
    held = set(random.Random(seed).sample(range(len(table.X)), count))

    def subset(keep, what):
        rows = [k for k in range(len(table.X)) if (k in held) == keep]
        return table._replace(X=[table.X[k] for k in rows], y=[table.y[k] for k in rows],
                              description=what,
                              names=table.names and [table.names[k] for k in rows])
    return (subset(False, "%s, %s held out" % (table.description, plural(count, "example"))),
            subset(True, "%s held out (seed %d)" % (plural(count, "example"), seed)))


# ----------------------------------------------------------------------------
# Scaling: each input column mapped to 0..1
# ----------------------------------------------------------------------------

def scaling_of(X: Matrix) -> List[Tuple[Number, Number]]:
    """Each input column's lowest and highest value in the training examples."""
    return [(min(column), max(column)) for column in zip(*X)]


def scaled(X: Matrix, scaling: Optional[Sequence[Tuple[Number, Number]]]) -> Matrix:
    """X with each column mapped by its (lowest, highest) to 0..1; a column of one value to 0.

    >>> scaled([[0, 60], [5, 480]], [(0, 10), (60, 480)])
    [[0.0, 0.0], [0.5, 1.0]]
    """
    if scaling is None:
        return X
    return [[(x - low) / ((high - low) or 1) for x, (low, high) in zip(row, scaling)]
            for row in X]


def print_scaling(scaling: Sequence[Tuple[Number, Number]], names: Optional[List[str]]) -> None:
    """The --scale line: each input's range, mapped to 0..1."""
    names = names or ["input %d" % k for k in range(1, len(scaling) + 1)]
    print("Scaled to 0..1: %s" % ", ".join("%s %s..%s" % (shown_name(name), python2_str(low),
                                                         python2_str(high))
                                           for name, (low, high) in zip(names, scaling)))


FAR_OUTSIDE = 20   # an input this far from 0..1 saturates the sigmoid at its first step
# An update adds up every example's step, so alpha times the examples sizes it:
# at 100 and more, tables of a class's marks and hours stalled, saturated.
MOST_STEPS = 100


def scale_warning(X: Matrix) -> Optional[str]:
    """A warning, before training, when unscaled inputs go outside 0..1, where the sigmoid
    is steepest: the further out, the flatter it is and the less training moves it.

    >>> scale_warning([[0, 1], [1, 0.5]]) is None
    True
    >>> scale_warning([[1, 8], [2, 5]])[:50]
    'Warning: inputs reach 8, outside 0..1, where the s'
    """
    outside = [x for row in X for x in row if not 0 <= x <= 1]
    if not outside:
        return None
    reach = max(outside, key=abs)
    far = abs(reach) > FAR_OUTSIDE
    return ("Warning: inputs reach %s, %s 0..1, where the sigmoid flattens and training %s; "
            "--scale maps each input to 0..1"
            % (python2_str(reach), "far outside" if far else "outside",
               "barely moves" if far else "slows or stalls"))


def step_warning(examples: int, alphas: Sequence[Number]) -> Optional[str]:
    """A warning, before training, when alpha times the examples makes each update a big step.

    >>> step_warning(4, [1]) is None
    True
    >>> step_warning(200, [0.01, 1])[:62]
    'Warning: each update adds up the steps of all 200 examples, so'
    """
    alpha = max(alphas)
    if examples * alpha < MOST_STEPS:
        return None
    smaller = float("%.0e" % (10 / examples))  # 10 / examples, to one digit: 0.05 for 200
    return ("Warning: each update adds up the steps of all %d examples, so at alpha %s it can "
            "overshoot and stall; try --alpha %s" % (examples, python2_str(alpha),
                                                    python2_str(smaller)))


# ----------------------------------------------------------------------------
# Keeping a network: --save and --load
# ----------------------------------------------------------------------------

SAVED_FORMAT = "pureneuron network 1"


def check_save_path(path: str, data: Optional[str] = None, test: Optional[str] = None) -> str:
    """--save: a .json file that can be written, and not the data or --test file."""
    if not path.lower().endswith(".json"):
        raise InputError("--save takes a file name ending in .json, got %s" % shown_name(path))
    return check_output_path(path, "--save", "save to", data, test)


def check_output_path(path: str, option: str, verb: str, data: Optional[str] = None,
                      test: Optional[str] = None) -> str:
    """A file --save or --svg will write, checked before training: in a folder that exists and
    can be written to, not a folder or a device, not the data or --test file."""
    name = shown_name(path)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError("cannot %s %s: no folder %s" % (verb, name, shown_name(folder)))
    if os.path.isdir(path):
        raise InputError("cannot %s %s: it is a folder" % (verb, name))
    if os.path.exists(path) and not os.path.isfile(path):
        raise InputError("cannot %s %s: it is there and not a regular file" % (verb, name))
    if not os.access(folder, os.W_OK):
        raise InputError("cannot %s %s: the folder cannot be written to" % (verb, name))
    for read, what in ((data, "data"), (test, "test")):
        if read and os.path.exists(path) and os.path.exists(read) and os.path.samefile(path, read):
            raise InputError("%s %s would write over the %s file" % (option, name, what))
    return path


class FileNotWritten(OSError):
    """A file asked for (--svg, --save) that could not be written: one line and status 1."""


def write_whole(path, text: str) -> None:
    """Write text to path through a temporary file beside it: the file is whole, or unchanged."""
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    if os.path.exists(name) and not os.path.isfile(name):
        # renaming over /dev/null or a FIFO would replace it with a file
        raise FileNotWritten(errno.EEXIST, "cannot write %s: it is there and not a regular file"
                             % shown_name(name))
    # beside the file, so that the rename stays on one disk; this process's own name
    temporary = os.path.join(folder, ".%s.%d.tmp" % (os.path.basename(name), os.getpid()))
    created = False
    try:
        # O_EXCL: never open a file that is there already; 0o666 less the umask,
        # the mode any new file gets
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        created = True
        with open(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, name)
    except OSError as error:
        if created and os.path.exists(temporary):
            os.remove(temporary)
        raise FileNotWritten(error.errno, "cannot write %s: %s"
                             % (shown_name(name), error.strerror or error)) from None


def save_network(path: str, result: dict, training: Optional[dict] = None) -> None:
    """Write the network to a JSON file, whole or not at all: floats exact, scaling, labels.

    training: how it was trained, for a picture's title: its "data" (a name),
    "iterations", "alpha" and "seed".
    """
    saved = {"format": SAVED_FORMAT, "layers": result["layers"], "bias": result["bias"],
             "weights": result["weights"], "scaling": result.get("scaling"),
             "labels": result.get("labels"), "inputs": result.get("inputs"),
             "training": training}
    # json writes each float as its repr, which reads back exactly
    write_whole(path, json.dumps(saved, allow_nan=False) + "\n")


def load_network(path) -> dict:
    """A network --save wrote, checked entry by entry: a damaged or foreign file is refused."""
    text, _ = read_text(path)
    name = shown_name(path)
    # a list for each row of weights, each input's scaling, and a few more: parsing
    # more than a network can hold would cost many times the file's size
    most_lists = MAX_LAYERS * (MAX_NEURONS + 1) + MAX_NEURONS + 10

    def refuse(why):
        return InputError("%s is not a network pureneuron.py saved: %s" % (name, why))

    def no_constant(word):
        raise refuse("it holds %s" % word)

    def short_number(digits):
        if len(digits) > MAX_CELL_CHARACTERS:
            raise refuse("a number of %d digits" % len(digits))
        return int(digits)

    if text.count("[") > most_lists or text.count(",") > MAX_SAVED_WEIGHTS + most_lists:
        raise refuse("more lists or numbers than a network of %d weights has"
                     % MAX_SAVED_WEIGHTS)
    try:
        saved = json.loads(text, parse_constant=no_constant, parse_int=short_number)
    except ValueError as error:
        if isinstance(error, InputError):
            raise
        raise refuse("not JSON (%s)" % str(error).split(":")[0]) from None
    except RecursionError:
        raise refuse("lists nested too deeply") from None
    if not isinstance(saved, dict) or saved.get("format") != SAVED_FORMAT:
        raise refuse("no \"format\": %r" % SAVED_FORMAT)
    layers, bias, weights = saved.get("layers"), saved.get("bias"), saved.get("weights")
    if not (isinstance(layers, list) and 2 <= len(layers) <= MAX_LAYERS and all(
            type(size) is int and 1 <= size <= MAX_NEURONS for size in layers)):
        raise refuse("\"layers\" is not 2 to %d sizes from 1 to %d" % (MAX_LAYERS, MAX_NEURONS))
    if not isinstance(bias, bool):
        raise refuse("\"bias\" is not true or false")
    if weight_count(layers, bias) > MAX_SAVED_WEIGHTS:
        raise refuse("more than %d weights" % MAX_SAVED_WEIGHTS)
    shapes = weight_shapes(layers, bias)
    if not (isinstance(weights, list) and len(weights) == len(shapes) and all(
            is_matrix(m, rows, columns) for m, (rows, columns) in zip(weights, shapes))):
        raise refuse("\"weights\" do not fit layers %s%s"
                     % (",".join(map(str, layers)), " with bias" if bias else ""))
    scaling, labels, inputs = saved.get("scaling"), saved.get("labels"), saved.get("inputs")
    if scaling is not None and not is_matrix(scaling, layers[0], 2):
        raise refuse("\"scaling\" is not a low and a high for each input")
    if labels is not None and not (isinstance(labels, list) and len(labels) == 2 and all(
            isinstance(word, str) and 0 < len(word) <= MAX_CELL_CHARACTERS for word in labels)
            and labels[0] != labels[1]):
        raise refuse("\"labels\" is not two words")
    if inputs is not None and not (isinstance(inputs, list) and len(inputs) == layers[0] and all(
            isinstance(word, str) for word in inputs)):
        raise refuse("\"inputs\" is not a name for each input")
    training = saved.get("training")
    if training is not None and not (
            isinstance(training, dict) and isinstance(training.get("data"), str)
            and 0 < len(training["data"]) <= MAX_NAME_CHARACTERS
            and type(training.get("iterations")) is int
            and 0 <= training["iterations"] <= MAX_ITERATIONS
            and type(training.get("seed")) is int and 0 <= training["seed"] < 2 ** 32
            and type(training.get("alpha")) in (int, float) and training["alpha"] > 0):
        raise refuse("\"training\" is not a data name, iterations, an alpha and a seed")
    # as train_network returns it, with nothing noted while it trained
    return {"layers": layers, "bias": bias, "weights": weights, "starting_weights": None,
            "errors": [], "scaling": [tuple(pair) for pair in scaling] if scaling else None,
            "labels": labels, "inputs": inputs, "training": training,
            "alpha": training["alpha"] if training else None}


def is_matrix(m, rows: int, columns: int) -> bool:
    """Whether m is a list of `rows` lists of `columns` finite numbers (not true or false)."""
    return isinstance(m, list) and len(m) == rows and all(
        isinstance(row, list) and len(row) == columns and all(
            type(x) in (int, float) and math.isfinite(x) for x in row) for row in m)


# ----------------------------------------------------------------------------
# After training: did it learn, answers, the answer table and the pictures
# ----------------------------------------------------------------------------

SCREENFUL = 20   # examples listed one by one; the rest are counted
NAME_WIDTH = 16  # an example's name (its --skip columns) is cut to this in the listing


def network_answer(result: dict, situation: Vector) -> float:
    """A trained network's answer for one new situation (a list of inputs), scaled as in training.

    >>> network_answer({"weights": [[[3.0], [-2.0]]], "bias": True}, [0])  # sigmoid(0*3 + 1*-2)
    0.11920292202211755
    """
    return network_answers(result, [list(situation)])[0]


def network_answers(result: dict, X: Matrix) -> Vector:
    """The trained network's answer for each row of X (unscaled), all in one pass forward."""
    outputs = forward(result["weights"], scaled(X, result.get("scaling")), result["bias"])[-1]
    return [row[0] for row in outputs]


def final_error(result: dict, X: Matrix, y: Matrix) -> float:
    """The mean absolute error of the trained network on the examples (X unscaled)."""
    answers = forward(result["weights"], scaled(X, result.get("scaling")), result["bias"])[-1]
    return mean(absolute(subtract(y, answers)))


def decision(result: dict, value: Number) -> str:
    """An answer or target as a decision: its label, or 1 or 0, split at 0.5."""
    labels = result.get("labels") or ["0", "1"]
    return labels[value >= 0.5]


def judged(result: dict, table: Table) -> Tuple[Vector, List[bool]]:
    """The answer for each example, and whether it is right."""
    answers = network_answers(result, table.X)
    return answers, [is_right(a, t[0]) for a, t in zip(answers, table.y)]


def is_right(answer: float, target: Number) -> bool:
    """Whether an answer decides as its target does: both 0.5 and above, or both below."""
    return (answer >= 0.5) == (target >= 0.5)


def print_examples(result: dict, table: Table, title: str) -> None:
    """Each example (a screenful, then a count) with target, answer, decision, right or wrong."""
    answers, right = judged(result, table)
    labels = result.get("labels")
    inputs = [" ".join(python2_str(x) for x in row) for row in table.X[:SCREENFUL]]
    width = max(len("inputs"), max(map(len, inputs)))
    target_width = max([len("target")] + [len(word) for word in labels or []])
    # the left-out columns (a student's name), where --skip gave some, first
    def cut(text):
        return shown_name(text if len(text) <= NAME_WIDTH else text[:NAME_WIDTH - 3] + "...")
    names = [cut(name) for name in (table.names or [])[:SCREENFUL]]
    heading = cut(table.names_heading or "example")
    name_width = max([len(heading)] + [len(name) for name in names])
    print(title)
    print("%s%-*s  %-*s  %-10s  %s" % ("%-*s  " % (name_width, heading) if names else "",
                                       width, "inputs", target_width, "target", "answer",
                                       "decision"))
    for k, (row, target, output, ok) in enumerate(zip(inputs, table.y, answers, right)):
        shown = decision(result, target[0]) if labels else python2_str(target[0])
        name = "%-*s  " % (name_width, names[k]) if names else ""
        print("%s%-*s  %-*s  %.8f  %s, %s" % (name, width, row, target_width,
                                              shown_name(shown), output,
                                              shown_name(decision(result, output)),
                                              "right" if ok else "wrong"))
    rest = right[SCREENFUL:]
    if rest:
        print("... and %s, %d of them right" % (plural(len(rest), "more example"), sum(rest)))
    print("%d of %d right" % (sum(right), len(right)))


def print_data_lines(test: Optional[str], tested: Optional[Table],
                     labels: Optional[Sequence[str]], scaling, inputs) -> None:
    """What train and --load say of the data before the answers: the test file, the
    target's words and the scaling, each where there is one."""
    if tested:
        print("Test data: %s, %s" % (shown_name(test), tested.description))
    print_labels(labels)
    if scaling:
        print_scaling(scaling, inputs)


def print_labels(labels: Optional[Sequence[str]]) -> None:
    """The target's words and the numbers they stand for: 'fail = 0, pass = 1'."""
    if labels:
        print("Targets: %s = 0, %s = 1" % tuple(shown_name(word) for word in labels))


def non_finite_note(result: dict) -> Optional[str]:
    """One line when training stopped giving numbers (overflow), else None."""
    at = result.get("non_finite_at")
    if at is None and all_finite(result["weights"]):
        return None
    return ("Training stopped giving numbers %s: the weights overflowed, likely from too large "
            "an alpha or inputs far from 0..1; try a smaller --alpha or --scale"
            % ("at iteration %d" % at if at is not None else "during training"))


def answer_table(result: dict, X: Matrix, y: Matrix) -> List[tuple]:
    """The answer for every 0/1 combination of the inputs, with the targets of matching examples.

    >>> net = {"layers": [2, 1], "weights": [[[0.0], [0.0]]], "bias": False}
    >>> answer_table(net, [[1, 1]], [[1]])
    [([0, 0], 0.5, []), ([0, 1], 0.5, []), ([1, 0], 0.5, []), ([1, 1], 0.5, [1])]
    """
    inputs = result["layers"][0]
    situations = [[(number >> bit) & 1 for bit in reversed(range(inputs))]
                  for number in range(2 ** inputs)]
    targets = {}  # each example's inputs -> its targets, in the order of the examples
    for example, target in zip(X, y):
        targets.setdefault(tuple(example), []).append(target[0])
    return [(situation, answer, targets.get(tuple(situation), []))
            for situation, answer in zip(situations, network_answers(result, situations))]


def print_weights(result: dict) -> None:
    """The weights, one matrix a layer, each headed by what it connects."""
    bias = result["bias"]
    print("Weights after training%s:" % (" (the last row of each: the bias)" if bias else ""))
    for k, synapses in enumerate(result["weights"]):
        print("syn%d (%s%s -> %s):" % (k, plural(result["layers"][k], "input"),
                                        " + bias" if bias else "",
                                        plural(len(synapses[0]), "neuron")))
        print(numpy_str(synapses))


def print_training(result: dict, asks: Sequence[Vector], table, plot: bool,
                   examples: Sequence[Tuple[Table, str]] = ()) -> None:
    """What train prints after training: the weights, how it does on the examples, then the
    answers and pictures asked for.

    table: None, or the training data's (X, y) for the answer table.
    examples: (table, title) pairs to score, the training examples first.
    """
    note = non_finite_note(result)
    if note:
        print(note)  # no weights, table or plot of nan
        return
    print_weights(result)
    for scored, title in examples:
        print_examples(result, scored, title)
    for situation in asks:
        output = network_answer(result, situation)
        print("New situation %s -> %.8f%s"
              % (",".join(map(str, situation)), output,
                 " (%s)" % shown_name(decision(result, output)) if result.get("labels") else ""))
    if table is not None:
        print_answer_table(answer_table(result, *table), result)
    if plot:
        print("\n".join(error_plot([("error", result["errors"])])))


def print_answer_table(rows: List[tuple], result: dict) -> None:
    """The answer table: inputs, answer, and the target where the row was a training example."""
    width = max(len("inputs"), 2 * len(rows[0][0]) - 1)
    print("%-*s  %-10s  %s" % (width, "inputs", "answer", "trained on"))
    for situation, output, targets in rows:
        seen = "yes, target %s" % ", ".join(map(str, targets)) if targets else ""
        print(("%-*s  %.8f  %s" % (width, " ".join(map(str, situation)), output, seen)).rstrip())
    if not result["bias"] and all(pair == (0, 1) for pair in result.get("scaling") or []):
        # why the all-zero row says (or starts from) 0.5, in one line (scaled, 0 may not be 0)
        if len(result["weights"]) == 1:
            print("All zeros give 0.5: weights times 0 add up to 0; sigmoid(0) = 0.5. "
                  "Try --bias.")
        else:
            print("All zeros: the first layer can only say sigmoid(0) = 0.5. Try --bias.")


def print_alphas(results: Sequence[dict], alphas: Sequence[Number], iterations: int,
                 examples: Sequence[Tuple[Table, str]], asks: Sequence[Vector]) -> None:
    """Networks trained with several alphas, side by side: errors, right-counts, answers."""
    columns = ["alpha %s" % python2_str(alpha) for alpha in alphas]
    width = max(15, max(map(len, columns)))  # python2_str's 12 digits, a point and a 0.
    rows = [("iteration", columns)]
    for k, (iteration, _) in enumerate(results[0]["errors"]):
        rows.append((str(iteration), [python2_str(result["errors"][k][1]) for result in results]))
    X, y = examples[0][0].X, examples[0][0].y
    rows.append((str(iterations), [python2_str(final_error(result, X, y)) for result in results]))
    for scored, title in examples:
        # "right", then "right: test examples" and the like
        rows.append(("right" if scored is examples[0][0] else "right: " + title[7:-1],
                     ["%d of %d" % (sum(judged(result, scored)[1]), len(scored.X))
                      for result in results]))
    for situation in asks:
        rows.append((",".join(map(str, situation)),
                     ["%.8f" % network_answer(result, situation) for result in results]))
    label = max(len(row[0]) for row in rows)
    print("Mean absolute error%s, one column for each alpha:"
          % (", right-counts and answers" if asks else " and right-counts"))
    for name, cells in rows:
        print(("%-*s  %s" % (label, name, "  ".join("%-*s" % (width, cell) for cell in cells)))
              .rstrip())
    for result, alpha in zip(results, alphas):
        note = non_finite_note(result)
        if note:
            print("alpha %s: %s" % (python2_str(alpha), note))


# ----------------------------------------------------------------------------
# train's options that go together: checked before anything is trained
# ----------------------------------------------------------------------------

def read_test_file(path: Optional[str], skip: Sequence[str], inputs: int,
                   labels: Optional[Sequence[str]], names: Optional[Sequence[str]] = None,
                   loaded: bool = False) -> Optional[Table]:
    """--test FILE's examples, read as the training file was: as many inputs, the same target
    words.  names: the training's input columns; when both files name their columns, each
    name once, the test's are taken by name, in that order.  loaded: a saved network (--load)."""
    if path is None:
        return None
    tested = load_data(path, skip, labels)
    if len(tested.X[0]) != inputs:
        raise InputError("--test %s has %s an example, but %s %d"
                         % (shown_name(path), plural(len(tested.X[0]), "input"),
                            "the network takes" if loaded else "the training data has", inputs))
    if (names and tested.inputs and tested.inputs != list(names)
            and named_apart(names) and named_apart(tested.inputs)):
        test_names = [name.casefold() for name in tested.inputs]
        if sorted(test_names) != sorted(name.casefold() for name in names):
            raise InputError("--test %s has the inputs %s, but the network's are %s"
                             % (shown_name(path), column_names(tested.inputs),
                                column_names(names)))
        order = [test_names.index(name.casefold()) for name in names]
        tested = tested._replace(X=[[row[i] for i in order] for row in tested.X],
                                 inputs=list(names))
    if tested.labels and not labels:
        raise InputError("--test %s has words as targets, but %s" % (
            shown_name(path), "the network was trained on numbers" if loaded
            else "the training targets are numbers"))
    return tested


def named_apart(names: Sequence[str]) -> bool:
    """Whether every column has a name, each a different one whatever its case.

    >>> named_apart(["Hours", "slept"]), named_apart(["x", "X"]), named_apart(["a", ""])
    (True, False, False)
    """
    folded = [name.casefold() for name in names]
    return all(folded) and len(set(folded)) == len(folded)


def scored_examples(table: Table, held: Optional[Table],
                    tested: Optional[Table]) -> List[Tuple[Table, str]]:
    """The examples to score after training, each with its heading: trained on, held out, test."""
    examples = [(table, "On the examples it trained on:")]
    if held:
        examples.append((held, "On the %s:" % held.description))
    if tested:
        examples.append((tested, "On the test examples:"))
    return examples


def check_situations(asks: Sequence[Vector], inputs: int) -> None:
    """Refuse an --ask that does not give the network's number of inputs."""
    for situation in asks:
        if len(situation) != inputs:
            raise InputError("--ask %s gives %s, but the network takes %d inputs"
                             % (",".join(map(str, situation)), plural(len(situation), "number"),
                                inputs))


def check_table(inputs: int, X: Matrix, scaling: Optional[Sequence[Tuple[Number, Number]]] = None
                ) -> None:
    """Refuse a --table too long to list, or for inputs that are not just 0 and 1 (the
    training data's X, or the range a saved network was scaled from), where its rows mean
    nothing."""
    if inputs > TABLE_MAX_INPUTS:
        raise InputError("--table lists every 0/1 combination of the inputs, for up to %d "
                         "inputs (%d rows); this network has %d"
                         % (TABLE_MAX_INPUTS, 2 ** TABLE_MAX_INPUTS, inputs))
    other = next((x for row in list(X) + list(scaling or []) for x in row if x not in (0, 1)),
                 None)
    if other is not None:
        raise InputError("--table lists every 0/1 combination of the inputs, but these inputs "
                         "take other values too (like %s): ask about situations with --ask"
                         % python2_str(other))


def check_alphas(options: dict, alphas: Sequence[Number]) -> None:
    """At most MAX_ALPHAS, compared side by side; what shows one network needs one alpha."""
    check_alpha_count(alphas)
    if len(alphas) > 1:
        for option, name in (("table", "--table"), ("save", "--save"),
                             ("trace", "--trace"), ("map", "--map"), ("check", "--check")):
            if options.get(option):
                raise InputError("%s shows one network: give one --alpha, not %d"
                                 % (name, len(alphas)))


def check_save(path: str, layers: Sequence[int], bias: bool, data: str,
               test: Optional[str] = None) -> None:
    """Refuse up front a --save that could not be written or read back."""
    check_save_path(path, data, test)
    weights = weight_count(layers, bias)
    if weights > MAX_SAVED_WEIGHTS:
        raise InputError("--save keeps networks of up to %d weights; layers %s have %d"
                         % (MAX_SAVED_WEIGHTS, ",".join(map(str, layers)), weights))


def keep_network(path: str, result: dict, training: dict) -> None:
    """--save: write the network, or say why not (its weights are not numbers)."""
    if non_finite_note(result):
        print("Not saved: the weights are not numbers")
        return
    save_network(path, result, training)
    print("Saved the network to %s" % shown_name(path))


def answer_saved(options: dict) -> None:
    """train --load: the saved network's weights, then --test, --ask and --table, untrained."""
    def is_given(option):  # --seed 0 and --save '' are given too; a switch left off is not
        value = options.get(option)
        return value is not None and value is not False
    given = [name for option, name in (
        ("layers", "--layers"), ("bias", "--bias"), ("scale", "--scale"),
        ("hold_out", "--hold-out"), ("save", "--save"), ("data", "--data"), ("plot", "--plot"),
        ("check", "--check"), ("every", "--every"), ("alphas", "--alpha"),
        ("iterations", "--iterations"), ("seed", "--seed"), ("trace", "--trace"))
        if is_given(option)]
    if given:
        raise InputError("--load answers with the network as saved, without training: "
                         "leave out %s (--test FILE scores a file)" % " and ".join(given))
    if options["skip"] and options["test"] is None:
        raise InputError("--skip leaves a column out of --test FILE; with --load and no "
                         "--test it has nothing to leave out")
    result = load_network(options["load"])
    inputs, training = result["layers"][0], result["training"]
    check_situations(options["ask"], inputs)
    drawn = [name for option, name in (("svg", "--svg"), ("map", "--map")) if is_given(option)]
    if drawn and not training:
        raise InputError("%s draws a network saved with how it trained; %s does not say: "
                         "train it again with --save" % (" and ".join(drawn),
                                                         shown_name(options["load"])))
    check_picture(options, result["layers"])
    if options["table"]:
        check_table(inputs, [], result["scaling"])
    tested = read_test_file(options["test"], options["skip"], inputs, result["labels"],
                            result["inputs"], loaded=True)
    print("Network: %s, layers %s%s%s" % (
        shown_name(options["load"]), ",".join(map(str, result["layers"])),
        ", with bias" if result["bias"] else "",
        "; trained on %s for %d iterations, alpha %s, seed %d"
        % (shown_name(training["data"]), training["iterations"],
           python2_str(training["alpha"]), training["seed"]) if training else ""))
    print_data_lines(options["test"], tested, result["labels"], result["scaling"],
                     result["inputs"])
    print_training(result, options["ask"], ([], []) if options["table"] else None, False,
                   [(tested, "On the test examples:")] if tested else [])
    if drawn:  # the test examples on the map, if any: the data it trained on is not here
        scaling = result["scaling"]
        show_train_pictures(options, [result], {
            "X": scaled(tested.X, scaling) if tested else None, "y": tested and tested.y,
            "layers": result["layers"], "bias": result["bias"],
            "iterations": training["iterations"], "seed": training["seed"]},
            shown_name(training["data"]), scaled(options["ask"], scaling))


def error_scale(errors: Sequence[float]) -> Tuple[float, float, bool, Callable]:
    """The highest and lowest error, whether to draw them on a log scale, and the scale.

    A log scale, once the error falls tenfold, shows a fall from 0.5 to 0.005 as
    plainly as one from 0.5 to 0.05; on a linear scale all but the first drop
    would hug the bottom.

    >>> error_scale([0.5, 0.01])[:3], error_scale([0.5, 0.1])[:3]
    ((0.5, 0.01, True), (0.5, 0.1, False))
    """
    high, low = max(errors), min(errors)
    logarithmic = low > 0 and high / low >= 10
    return high, low, logarithmic, (math.log10 if logarithmic else (lambda e: e))


CURVE_MARKS = "123456789abcdefghijk"  # one for each curve, when there are several


def error_plot(curves: Sequence[Tuple[str, Sequence[Tuple[int, float]]]], width: int = 60,
               height: int = 15) -> List[str]:
    """Error curves in plain text: iterations across, error up (log scale when it spans a decade).

    curves: (name, errors) for each, the errors as (iteration, error) pairs, as
    train_network notes them; several share the scales and are told apart by
    their marks, 1, 2, 3, ...

    >>> print("\\n".join(error_plot([("", [(0, 0.5), (1, 0.4), (2, 0.3), (3, 0.2)])], 4, 3)))
    Mean absolute error by iteration (linear scale)
          0.5 |*
         0.35 | **
          0.2 |   *
              +----
               0 2
               iteration
    """
    longest = max((errors for _, errors in curves), key=len, default=[])
    if not longest:
        return ["No errors were noted, so no error curve to draw."]
    columns = width if len(longest) > 1 else 1  # few errors: each held as a step
    last = len(longest) - 1
    picks = [round(c * last / (columns - 1)) if columns > 1 else 0 for c in range(columns)]
    finite = [errors[k][1] for _, errors in curves for k in picks
              if k < len(errors) and math.isfinite(errors[k][1])]
    if not finite:
        return ["The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]
    high, low, logarithmic, scale = error_scale(finite)
    top, bottom = scale(high), scale(low)

    def row_of(e):
        return 0 if top == bottom else round((scale(e) - bottom) / (top - bottom) * (height - 1))

    def value_at(row):
        v = bottom + (top - bottom) * row / (height - 1)
        return 10 ** v if logarithmic else v

    grid = [[" "] * columns for _ in range(height)]
    for number, (_, errors) in enumerate(curves):
        symbol = "*" if len(curves) == 1 else CURVE_MARKS[number % len(CURVE_MARKS)]
        previous = None
        for c, k in enumerate(picks):
            if k >= len(errors) or not math.isfinite(errors[k][1]):  # nothing to draw here
                previous = None
                continue
            row = row_of(errors[k][1])
            if previous is not None and abs(previous - row) > 1:
                # a steep drop: join the points so the curve reads as one line
                for between in range(min(previous, row) + 1, max(previous, row)):
                    if grid[between][c] == " ":
                        grid[between][c] = ":"
            grid[row][c] = symbol
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
    first, final = longest[0][0], longest[-1][0]
    for iteration in round_ticks(final) if final else [0]:  # round numbers, under their columns
        c = round((iteration - first) / ((final - first) or 1) * (columns - 1))
        text = str(iteration)
        start = min(c - len(text) // 2, columns - len(text)) if c else 0
        if iteration >= first and c < columns and all(
                ch == " " for ch in ticks[max(start - 1, 0):start + len(text) + 1]):
            ticks[start:start + len(text)] = text
    lines.append(" " * 11 + "".join(ticks).rstrip())
    lines.append(" " * 11 + "iteration".center(columns).rstrip())
    if len(curves) > 1:
        lines.append(" " * 11 + "   ".join("%s %s" % (CURVE_MARKS[number % len(CURVE_MARKS)], name)
                                           for number, (name, _) in enumerate(curves)))
    return lines


SIGMOID_FLAT_SLOPE = 0.02


def sigmoid_picture(columns: int = 61, rows: int = 21, reach: float = 6) -> List[str]:
    """The S curve from x = -reach to reach in plain text, its steepest point and flat ends marked."""
    xs = [-reach + 2 * reach * c / (columns - 1) for c in range(columns)]
    ys = sigmoid([xs])[0]
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


# ----------------------------------------------------------------------------
# Pictures: the network, what it decided and how it learned, as SVG
#
# One SVG file, 1024 x 768 (a projector's screen), made with xml.etree so it
# is always valid XML: no script, no font or address from outside.  Blue
# means positive (or an answer near 1), vermilion negative (or near 0): a
# pair that colour-blind eyes tell apart, unlike red and green.
# ----------------------------------------------------------------------------

BLUE, VERMILION = (0, 114, 178), (213, 94, 0)
POSITIVE, NEGATIVE = "#0072b2", "#d55e00"   # a weight's colour: BLUE and VERMILION
# the error curves, one colour each (Okabe and Ito's palette)
CURVE_COLOURS = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
                 "#56B4E9", "#F0E442"]
PICTURE_WIDTH, PICTURE_HEIGHT = 1024, 768
PICTURE_MAX_NEURONS = 40     # in a layer: more would be a blur of lines
NAME_SHARE = 0.3             # of a network panel's width, at most, for the inputs' names
LABELLED_WEIGHTS = 24        # at most this many weights: each value written on its line
MAP_SIDE = 41                # grid points across the decision map (41 x 41 = 1681)
MAP_LABELLED_EXAMPLES = 40   # more examples on the map are dots, without their targets written
MAP_MOST_DOTS = 500          # more examples than this: only some are drawn
MAP_REACH = 1                # data spans: how far beyond the examples an --ask widens the map
MAP_FLAT = 0.01              # answers spanning less than this: no 0.5 line is drawn
MAP_WORK = 1000000           # grid points x weights: keeps a map well under a second
TITLE_ALPHAS = 6             # a title lists this many alphas; more, it gives their count and range
CHECK_NUDGE = 1e-5
CHECK_MAX_WEIGHTS = 30       # in each matrix, --check lists at most this many


class Network(NamedTuple):
    """A trained network as a picture shows it: its weights, names, data and error curves."""
    labels: List[str]                  # each layer's name: l0, l1, l2
    names: List[str]                   # each weight matrix's name: syn0, syn1
    weights: List[Matrix]
    starting_weights: Optional[List[Matrix]]
    bias: bool
    curves: List[Tuple[str, List[Tuple[int, float]]]]  # (label, (iteration, error) pairs)
    X: Optional[Matrix] = None         # the examples, as the network takes them (scaled)
    y: Optional[Matrix] = None
    asked: Sequence[Vector] = ()       # new situations: not trained on
    note: str = ""                     # which of several networks is drawn
    held_X: Matrix = ()                # examples held out or tested: not trained on
    held_y: Matrix = ()
    scaling: Optional[List[Tuple[Number, Number]]] = None  # each input's range, shown as 0..1
    input_names: Optional[List[str]] = None
    target_words: Optional[List[str]] = None   # the target's words for 0 and 1: fail, pass
    curve_note: str = ""               # how the errors were noted
    alphas: Sequence[Number] = ()      # each curve's alpha, where there is a curve per alpha


# How a picture reads each post program's result: a key that only that result
# holds -> the names of its weight matrices and of its layers, the posts' table
# it trained on, and the new situation the post asked it about.
PROGRAM_RESULTS = {
    "synapse_0": (["synapse_0", "synapse_1"], ["layer_0", "layer_1", "layer_2"], "trask", []),
    "syn1": (["syn0", "syn1"], ["l0", "l1", "l2"], "trask", []),         # 3-layer, 11 lines
    "l1": (["syn0"], ["l0", "l1"], "trask-2layer", []),                   # 2-layer
    "output": (["layer1", "layer2"], ["inputs", "layer 1", "layer 2"], "multi-layer",
               [[1, 1, 0]]),
    "answer": (["synaptic_weights"], ["inputs", "neuron"], "milo", [[1, 0, 0]]),
}


def network_of(result, X: Optional[Matrix] = None, y: Optional[Matrix] = None,
               starting_weights: Optional[List[Matrix]] = None,
               asked: Sequence[Vector] = (), held: Optional[Tuple[Matrix, Matrix]] = None,
               iterations: Optional[int] = None) -> Network:
    """What a program (or train_network) returned, as a Network; the posts' data filled in.

    X, asked and held (examples not trained on: inputs, targets) are as the
    network takes them, scaled where it was trained on scaled inputs.
    iterations: how long it trained, so that the error curve ends there.
    A list (gradient_descent's, one network per alpha) gives one error curve
    per alpha and draws the network whose last error is lowest.

    >>> net = network_of(two_layer(iterations=0))
    Output After Training:
    [[ 0.2689864 ]
     [ 0.36375058]
     [ 0.23762817]
     [ 0.3262757 ]]
    >>> net.labels, net.names, net.y
    (['l0', 'l1'], ['syn0'], [[0], [0], [1], [1]])
    """
    if isinstance(result, list):
        nets = [network_of(r, X, y, starting_weights, asked, held, iterations) for r in result]
        curves = [("alpha " + python2_str(r["alpha"]) if "alpha" in r else "network %d" % n,
                   net.curves[0][1] if net.curves else []) for n, (r, net)
                  in enumerate(zip(result, nets), 1)]
        best = min(range(len(result)), key=lambda n: last_error(curves[n][1]))
        note = "Drawn above: %s, lowest final error." % curves[best][0] \
            if len(result) > 1 else ""
        alphas = [r["alpha"] for r in result] if all("alpha" in r for r in result) else []
        return nets[best]._replace(curves=curves, note=note, alphas=alphas)
    if "weights" in result:  # train_network's
        weights, starting = result["weights"], result.get("starting_weights")
        iterations = iterations or result.get("iterations")
        names = ["syn%d" % k for k in range(len(weights))]
        labels = ["l%d" % k for k in range(len(weights) + 1)]
    else:
        key = next((key for key in PROGRAM_RESULTS if key in result), None)
        if key is None:
            raise ValueError("a picture is drawn from what a program of the posts or "
                             "train_network returns; this holds %s" % ", ".join(result))
        names, labels, data, question = PROGRAM_RESULTS[key]
        # Milo's programs keep their weights under one name: a matrix, or a pair of them
        weights = result.get("synaptic_weights") or [result[name] for name in names]
        starting = result.get("starting_weights")
        if key == "answer":
            weights, starting = [weights], starting and [starting]
        if X is None:
            X, y = DATASETS[data][:2]
        asked = asked or question
    starting = starting_weights or starting  # given, or as the result has them
    bias = bool(result.get("bias"))
    errors = result.get("errors") or []
    curve = noted_errors(errors)
    noted_by_post = bool(errors) and not isinstance(errors[0], tuple)
    if curve and X is not None and iterations and iterations > curve[-1][0]:
        # the error of the final weights: where training ended, not where it was last noted
        final = final_error({"weights": weights, "bias": bias}, X, y)  # X is already scaled
        curve.append((iterations, final))
    held_X, held_y = held or ([], [])
    return Network(labels, names, list(weights), list(starting) if starting else None, bias,
                   [("error", curve)] if curve else [], X, y, [list(s) for s in asked],
                   held_X=held_X, held_y=held_y, scaling=result.get("scaling"),
                   input_names=result.get("inputs"), target_words=result.get("labels"),
                   curve_note="Dots: the error the program printed every 10,000 iterations%s; "
                   "lines join them." % (", and at the end" if len(curve) > len(errors) else "")
                   if noted_by_post else "")


def noted_errors(errors: list) -> List[Tuple[int, float]]:
    """(iteration, error) pairs: train_network's as they are; a post's, noted every 10,000."""
    return [e if isinstance(e, tuple) else (10000 * n, e) for n, e in enumerate(errors)]


def last_error(curve: List[Tuple[int, float]]) -> float:
    """A curve's last error, or infinity where there is none or it is not a number."""
    return curve[-1][1] if curve and math.isfinite(curve[-1][1]) else math.inf


def program_network(function: Callable, result, **settings) -> Network:
    """A post program's Network, its starting weights from a run of 0 iterations (silent)."""
    with contextlib.redirect_stdout(io.StringIO()):
        start = function(**dict(settings, iterations=0))
    first = start[0] if isinstance(start, list) else start
    return network_of(result, starting_weights=network_of(first).weights,
                      iterations=settings.get("iterations"))


# --- the data's own units and names ------------------------------------------------

def data_value(net: Network, column: int, value: Number) -> Number:
    """An input as the data has it: the network's scaled 0..1 mapped back to the data's range.

    >>> data_value(Network([], [], [], None, False, [], scaling=[(1, 8)]), 0, 0.5)
    4.5
    """
    if not net.scaling:
        return value
    low, high = net.scaling[column]
    return low + (high - low) * value


def input_name(net: Network, column: int) -> str:
    """An input's name: the data's header's, or input 1, input 2, ..."""
    return net.input_names[column] if net.input_names else "input %d" % (column + 1)


def situation_text(net: Network, situation: Vector, named: bool = True) -> str:
    """A situation in the data's units, named where the data names its inputs: 'studied 6, slept 7'.

    named: False gives the values alone, '6, 7'.
    """
    values = [number_text(data_value(net, c, x)) for c, x in enumerate(situation)]
    if net.input_names and named:
        return ", ".join("%s %s" % (name, value) for name, value in zip(net.input_names, values))
    return ", ".join(values)


def target_text(net: Network, target: Number) -> str:
    """A target as the data says it: its word (pass), or its number."""
    if net.target_words and target in (0, 1):
        return net.target_words[int(target)]
    return number_text(target)


# --- the decision map: the network's answer across its two varying inputs ----

def map_axes(net: Network) -> Tuple[List[int], Vector]:
    """The inputs that vary in the data (the map's axes) and every input's value where it is held.

    >>> map_axes(network_of({"synaptic_weights": [[1.0], [2.0], [3.0]], "answer": [[0.5]]}))[0]
    [0, 1]
    """
    varying = [c for c, (low, high) in enumerate(scaling_of(net.X)) if low < high]
    return varying, list(net.X[0])


def no_map_reason(net: Network) -> str:
    """Why there is no decision map for this network, or '' when there is one."""
    if net.X is None:
        return "No map: the data it trained on is not known here."
    varying = map_axes(net)[0]
    if len(varying) != 2:
        return ("No map: %s of the data %s; a map shows two."
                % (plural(len(varying), "input"), "varies" if len(varying) == 1 else "vary"))
    return ""


def map_answers(net: Network, columns: int, rows: int) -> Tuple[List[Vector], List[Vector]]:
    """The network's answers on a grid: answers[r][c], row 0 at the lowest second input.

    Returns the grid's values of the first and second varying input, and the answers.
    """
    (first, second), held = map_axes(net)
    ranges = map_ranges(net)
    xs, ys = evenly_spaced(*ranges[first], columns), evenly_spaced(*ranges[second], rows)
    situations = []
    for value_y in ys:
        for value_x in xs:
            situation = list(held)
            situation[first], situation[second] = value_x, value_y
            situations.append(situation)
    answers = [row[0] for row in forward(net.weights, situations, net.bias)[-1]]
    return [xs, ys], [answers[r * columns:(r + 1) * columns] for r in range(rows)]


def evenly_spaced(low: Number, high: Number, count: int) -> List[float]:
    """count values from low to high, evenly apart: a grid's steps across the map.

    >>> evenly_spaced(0, 1, 3)
    [0.0, 0.5, 1.0]
    """
    return [low + (high - low) * k / (count - 1) for k in range(count)]


def map_side(net: Network) -> int:
    """Grid points across the map: MAP_SIDE, fewer for a big network (MAP_WORK in all)."""
    weights = sum(len(m) * len(m[0]) for m in net.weights)
    return max(11, min(MAP_SIDE, int(math.sqrt(MAP_WORK / weights))))


def held_inputs_text(net: Network) -> str:
    """'input 3 held at 1, as in every example', or '' when every input varies."""
    varying, held = map_axes(net)
    held_columns = [c for c in range(len(held)) if c not in varying]
    if not held_columns:
        return ""
    return "%s held at %s, as in every example" % (
        " and ".join(input_name(net, c) for c in held_columns),
        ", ".join(number_text(data_value(net, c, held[c])) for c in held_columns))


def number_text(x: Number) -> str:
    """A data value as a teacher writes it: 1, 0.5."""
    return "%g" % x


def map_ranges(net: Network) -> List[Tuple[Number, Number]]:
    """Each input's lowest and highest value on the map: the examples', widened to take in
    the new situations asked about that lie within MAP_REACH of them.

    A held input spans nothing, so a situation on the map holds it where the examples do.
    >>> net = Network([], [], [], None, False, [], X=[[0, 3], [10, 5]], asked=[[15, 4], [40, 4]])
    >>> map_ranges(net)
    [(0, 15), (3, 5)]
    """
    data = scaling_of(net.X)

    def within_reach(situation):  # a farther one would squash the examples: the key names it
        return all(low - MAP_REACH * (high - low) <= x <= high + MAP_REACH * (high - low)
                   for x, (low, high) in zip(situation, data))
    corners = [[low for low, _ in data], [high for _, high in data]]  # the examples' extremes
    return scaling_of(corners + [s for s in net.asked if within_reach(s)])


def on_the_map(net: Network) -> Callable[[Vector], bool]:
    """The test of whether a situation lies on the map: inside its square, the other inputs at
    their values; the square and the values worked out once, for all the situations tested."""
    varying, held = map_axes(net)
    ranges = map_ranges(net)  # each input's lowest and highest value
    return lambda situation: all(
        ranges[c][0] <= situation[c] <= ranges[c][1] if c in varying else
        situation[c] == held[c] for c in range(len(held)))


MAP_CHARACTERS = " .:-=+*#%@"   # answers 0-0.1, ..., 0.9-1: from 0.5 on, + * # % @


def map_text(net: Network, columns: int = 41, rows: int = 21) -> List[str]:
    """The decision map in characters: darker where the answer is nearer 1, examples marked."""
    reason = no_map_reason(net)
    if reason:
        return [reason]
    (xs, ys), answers = map_answers(net, columns, rows)
    grid = [[MAP_CHARACTERS[min(9, int(a * 10))] for a in row] for row in answers]
    (first, second), _ = map_axes(net)

    def mark(situation, character):
        c = round((situation[first] - xs[0]) / ((xs[-1] - xs[0]) / (columns - 1)))
        r = round((situation[second] - ys[0]) / ((ys[-1] - ys[0]) / (rows - 1)))
        if 0 <= c < columns and 0 <= r < rows:
            grid[r][c] = character
    for situation, target in zip(net.X, net.y):
        mark(situation, "1" if target[0] >= 0.5 else "0")
    on_map = on_the_map(net)
    for situation in net.asked:
        if on_map(situation):
            mark(situation, "?")
    held = held_inputs_text(net)
    lines = ["What the network answers across %s (across) and %s (up)"
             % (input_name(net, first), input_name(net, second))] + (
                 ["(%s)" % held] if held else [])
    for r in reversed(range(rows)):  # the axes in the data's units
        label = number_text(data_value(net, second, ys[r])) if r in (0, rows - 1) else ""
        lines.append("%6s |%s|" % (label, "".join(grid[r])))
    lines.append(" " * 7 + "+" + "-" * columns + "+")
    left, right = (number_text(data_value(net, first, x)) for x in (xs[0], xs[-1]))
    lines.append(" " * 8 + left + " " * (columns - len(left) - len(right)) + right)
    lines.append("  Answers in tenths from 0 to 1: '%s' below 0.5, '%s' 0.5 and above"
                 % (MAP_CHARACTERS[:5], MAP_CHARACTERS[5:]))
    lines.append("  0 and 1: a training example and its target%s"
                 % ("; ?: a new situation" if any(map(on_map, net.asked)) else ""))
    lines += ["  %s: off the map" % situation_text(net, situation)
              for situation in net.asked if not on_map(situation)]
    return lines


# --- the 0.5 boundary ------------------------------------------------------------

def boundary_segments(answers: List[Vector], level: float = 0.5) -> List[Tuple[tuple, tuple]]:
    """Where the answers cross `level`, as segments in grid units (column, row): marching squares.

    >>> boundary_segments([[0, 1], [0, 1]])
    [((0.5, 0.0), (0.5, 1.0))]
    """
    segments = []
    for r in range(len(answers) - 1):
        for c in range(len(answers[0]) - 1):
            corners = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1)]
            values = [answers[rr][cc] for cc, rr in corners]
            crossings = []
            for k in range(4):
                (c0, r0), (c1, r1) = corners[k], corners[(k + 1) % 4]
                v0, v1 = values[k], values[(k + 1) % 4]
                if (v0 < level) != (v1 < level):
                    t = (level - v0) / (v1 - v0)
                    crossings.append((c0 + (c1 - c0) * t, r0 + (r1 - r0) * t))
            # two crossings make one segment; four (a saddle) make two, paired in turn
            for k in range(0, len(crossings) - 1, 2):
                segments.append((crossings[k], crossings[k + 1]))
    return segments


# --- the SVG ---------------------------------------------------------------------

TEXT_SIZE = 18        # px: what a class reads from the back of a room
HEADING_SIZE = 21
WRONG_FILL = "#f0e442"   # yellow: an example the network answers wrongly
CHARACTER_WIDTH = 0.56   # a sans-serif character's width, about, in font sizes


def answer_colour(a: float) -> str:
    """The map's colour for an answer: vermilion at 0, white at 0.5, blue at 1.

    >>> answer_colour(0), answer_colour(0.5), answer_colour(1)
    ('#d55e00', '#ffffff', '#0072b2')
    """
    a = min(1.0, max(0.0, a))
    end, t = (BLUE, 2 * a - 1) if a >= 0.5 else (VERMILION, 1 - 2 * a)
    return hex_colour(tuple(round(255 + (e - 255) * t) for e in end))


def grey(a: float) -> str:
    """A neuron's fill for its output: white at 0, near black at 1."""
    level = round(255 - 205 * min(1.0, max(0.0, a)))
    return hex_colour((level, level, level))


def hex_colour(rgb: Tuple[int, int, int]) -> str:
    """A colour as SVG writes it: (0, 114, 178) is '#0072b2'."""
    return "#%02x%02x%02x" % rgb


def weight_text(w: float) -> str:
    """A weight as a tooltip gives it: 8 digits after the point, as the posts print them."""
    return "%.8f" % w


def text_width(words: str, size: float) -> float:
    """About how wide a line of text is drawn, in px: a Chinese or Japanese character
    (East Asian wide) takes a whole font size, the others about CHARACTER_WIDTH of one.

    >>> round(text_width("pass", 10), 1), text_width("\u901a\u8fc7", 10)
    (22.4, 20.0)
    """
    wide = sum(unicodedata.east_asian_width(character) in ("W", "F") for character in words)
    return CHARACTER_WIDTH * size * (len(words) - wide) + size * wide


def cut_to_width(words: str, size: float, width: float) -> str:
    """The words, or as many of them as fit width with '...' after; '' when not even '...' fits.

    >>> cut_to_width("studied", 10, 30), cut_to_width("studied", 10, 10)
    ('st...', '')
    """
    if text_width(words, size) <= width:
        return words
    while words and text_width(words + "...", size) > width:
        words = words[:-1]
    with_dots = words.rstrip() + "..."
    return with_dots if text_width(with_dots, size) <= width else ""


class Picture:
    """An SVG picture: str() is its text, a notebook shows it inline, save() writes a file."""

    def __init__(self, svg: str):
        self.svg = svg

    def __str__(self) -> str:
        return self.svg

    def _repr_svg_(self) -> str:
        return self.svg

    def save(self, path) -> None:
        """Write the picture to path, whole or not at all."""
        write_whole(path, self.svg)


def picture(result, X: Optional[Matrix] = None, y: Optional[Matrix] = None,
            example: Optional[Vector] = None, title: str = "", **details) -> Picture:
    """The picture of a program's (or train_network's) result: network, map and error curve.

    example: the inputs whose outputs shade the neurons (default: the first
    example).  details go to network_of: starting_weights, asked, held, iterations.
    """
    net = result if isinstance(result, Network) else network_of(result, X, y, **details)
    return Picture(network_svg(net, example, title))


def network_svg(net: Network, example: Optional[Vector] = None, title: str = "") -> str:
    """The SVG text: the network before and after training, what it answers, its error curve."""
    for k, synapses in enumerate(net.weights):
        if len(synapses[0]) > PICTURE_MAX_NEURONS or len(synapses) > PICTURE_MAX_NEURONS + 1:
            raise ValueError("a picture draws at most %d neurons a layer; %s is %s"
                             % (PICTURE_MAX_NEURONS, net.names[k], shape(synapses)))
    svg = ET.Element("svg", xmlns="http://www.w3.org/2000/svg", version="1.1",
                     width=str(PICTURE_WIDTH), height=str(PICTURE_HEIGHT),
                     viewBox="0 0 %d %d" % (PICTURE_WIDTH, PICTURE_HEIGHT),
                     style="font-family: sans-serif")
    ET.SubElement(svg, "rect", width="100%", height="100%", fill="white")
    sizes = [len(net.weights[0]) - net.bias] + [len(m[0]) for m in net.weights]
    heading = title or "A network of %s" % " -> ".join(map(str, sizes))
    fitted_text(svg, 14, 32, heading, 26, PICTURE_WIDTH - 28, weight="bold")
    weight_legend(svg, 14, 60)
    if example is None:
        example = net.X[0] if net.X is not None else [1] * sizes[0]
    fitted_text(svg, 14, 86, "Circles: each neuron's output, white for 0 to black for 1, "
                "for %s%s" % ("" if net.input_names else "inputs ", situation_text(net, example)), TEXT_SIZE, PICTURE_WIDTH - 28,
                colour="#333333")
    largest = max(abs(w) for weights in [net.weights] + [net.starting_weights or []]
                  for m in weights for row in m for w in row) or 1
    if net.starting_weights:  # the trained network is the larger, its values on its lines
        network_panel(svg, net, net.starting_weights, example, largest, "Starting weights",
                      (10, 96, 340, 344), labelled=False)
        network_panel(svg, net, net.weights, example, largest, "After training",
                      (360, 96, 654, 344))
    else:
        network_panel(svg, net, net.weights, example, largest, "After training",
                      (10, 96, 1004, 344))
    left, right, whole = (10, 450, 400, 314), (420, 450, 594, 314), (10, 450, 1004, 314)
    reason = no_map_reason(net)  # why there is no map, if there is none
    has_curve = any(points for _, points in net.curves)
    if not reason:
        decision_map(svg, net, left)
    else:
        answers_panel(svg, net, left if has_curve else whole, "What it answers", reason)
    if has_curve:
        error_chart(svg, net, right)
    elif not reason:
        answers_panel(svg, net, right, "Its answers, example by example")
    return ET.tostring(svg, encoding="unicode")


def svg_element(parent, tag: str, **attributes):
    """A child element, its attributes' names with - for _ and numbers rounded to 0.1."""
    return ET.SubElement(parent, tag, {key.rstrip("_").replace("_", "-"):
                                       ("%.1f" % value).rstrip("0").rstrip(".")
                                       if isinstance(value, float) else str(value)
                                       for key, value in attributes.items()})


def svg_text(parent, x: float, y: float, words: str, size: int = TEXT_SIZE,
             anchor: str = "start", weight: str = "normal", colour: str = "#000000",
             font: str = ""):
    """A line of text at (x, y), in the picture's font unless another is named."""
    extra = {"font_family": font} if font else {}
    element = svg_element(parent, "text", x=float(x), y=float(y), font_size=size,
                          text_anchor=anchor, font_weight=weight, fill=colour, **extra)
    element.text = words
    return element


def fitted_text(parent, x: float, y: float, words: str, size: int, width: float,
                smallest: int = 16, **style):
    """A line of text shrunk to fit width, down to `smallest`; beyond that, cut with '...'."""
    size = max(smallest, min(size, int(width / text_width(words or " ", 1))))
    return svg_text(parent, x, y, cut_to_width(words, size, width), size, **style)


def tooltip(element, words: str) -> None:
    """The text a browser shows when the pointer rests on the element."""
    svg_element(element, "title").text = words


def weight_legend(svg, x: float, y: float) -> None:
    """The key to the lines: blue positive, vermilion negative, thicker for larger weights."""
    for offset, (colour, words) in enumerate([(POSITIVE, "positive weight"),
                                              (NEGATIVE, "negative weight")]):
        left = x + offset * 215
        svg_element(svg, "line", x1=float(left), y1=float(y - 6), x2=float(left + 40),
                    y2=float(y - 6), stroke=colour, stroke_width=6)
        svg_text(svg, left + 48, y, words)
    svg_text(svg, x + 430, y, "thicker: larger; hover a line for its value")


def layer_roles(net: Network) -> List[str]:
    """What each column of neurons is, where its name does not say: inputs, hidden, output."""
    roles = ["inputs"] + ["hidden"] * (len(net.weights) - 1) + ["output"]
    return ["" if role in label else role for role, label in zip(roles, net.labels)]


def network_panel(svg, net: Network, weights: List[Matrix], example: Vector, largest: float,
                  heading: str, box: Tuple[float, float, float, float],
                  labelled: bool = True) -> None:
    """Neurons in columns, one a layer, and every weight as a line from one to the next.

    labelled: write each weight's value on its line, when there are few enough.
    """
    left, top, width, height = box
    group = svg_element(svg, "g", class_="network")
    svg_element(group, "rect", x=float(left), y=float(top), width=float(width),
                height=float(height), fill="none", stroke="#bbbbbb", rx=6)
    svg_text(group, left + 10, top + 26, heading, HEADING_SIZE, weight="bold")
    outputs = forward(weights, [list(example)], net.bias)
    columns = len(weights) + 1
    counts = [len(weights[0]) - net.bias] + [len(m[0]) for m in weights]
    nodes_in = [count + (net.bias and k < columns - 1) for k, count in enumerate(counts)]
    inner_top, inner_height = top + 40, height - 92
    spacings = [min(90.0, inner_height / count) for count in nodes_in]
    radii = [min(24.0, spacing * 0.4) for spacing in spacings]
    # the input nodes' names, written to their left, need room there: at most
    # NAME_SHARE of the panel, so that a long column name leaves room for the network
    full_names = [input_name(net, i) for i in range(counts[0])] \
        if net.input_names and labelled else []  # the small panel keeps its room
    names = [cut_to_width(name, TEXT_SIZE, NAME_SHARE * width) for name in full_names]
    name_room = max([text_width(name, TEXT_SIZE) for name in names + ["bias"] * net.bias]
                    + [0])
    margins = (24 + max(radii) + name_room, 24 + max(radii))
    xs = [left + margins[0] + (width - sum(margins)) * k / (columns - 1) for k in range(columns)]

    def y_of(k, i):
        return inner_top + inner_height / 2 + (i - (nodes_in[k] - 1) / 2) * spacings[k]

    labelled = labelled and sum(len(m) * len(m[0]) for m in weights) <= LABELLED_WEIGHTS
    thickest = 8.25 if sum(nodes_in) <= 16 else 3.25  # many lines: thinner, to stay apart
    lines = svg_element(group, "g", class_="weights", stroke_linecap="round")
    to_label = []
    for k, synapses in enumerate(weights):
        for i, row in enumerate(synapses):
            for j, w in enumerate(row):
                x1, y1, x2, y2 = xs[k], y_of(k, i), xs[k + 1], y_of(k + 1, j)
                line = svg_element(lines, "line", x1=x1, y1=y1, x2=x2, y2=y2,
                                   stroke=POSITIVE if w >= 0 else NEGATIVE,
                                   stroke_width=0.75 + thickest * abs(w) / largest,
                                   stroke_opacity=0.85)
                tooltip(line, "%s[%d][%d] = %s" % (net.names[k], i, j, weight_text(w)))
                to_label.append((w, (x1, y1, x2, y2)))
    nodes = [(xs[k], y_of(k, i), radii[k]) for k in range(columns) for i in range(nodes_in[k])]
    if labelled:
        weight_labels(group, to_label, nodes)
    for k, count in enumerate(counts):
        radius = radii[k]
        for i in range(count):
            value = outputs[k][0][i]
            x, y = xs[k], y_of(k, i)
            circle = svg_element(group, "circle", class_="neuron", cx=x, cy=y, r=radius,
                                 fill=grey(value), stroke="#000000", stroke_width=1.5)
            tooltip(circle, "%s, %s %d: %s %s" % (
                net.labels[k], "input" if k == 0 else "neuron", i + 1,
                "value" if k == 0 else "output", "%.8f" % value))
            if radius >= 17:
                svg_text(group, x, y + 6, "%.3g" % value if k == 0 else "%.2f" % value,
                         TEXT_SIZE if radius >= 21 else 16, anchor="middle",
                         colour="#ffffff" if value > 0.55 else "#000000")
            if k == 0 and names:
                name = svg_text(group, x - radius - 6, y + 6, names[i], anchor="end")
                if names[i] != full_names[i]:
                    tooltip(name, full_names[i])
        if net.bias and k < columns - 1:
            y = y_of(k, count)
            square = svg_element(group, "rect", class_="bias", x=xs[k] - radius, y=y - radius,
                                 width=2 * radius, height=2 * radius, fill=grey(1),
                                 stroke="#000000")
            tooltip(square, "bias: a constant input of 1 to %s" % net.labels[k + 1])
            svg_text(group, xs[k], y + 6, "1", TEXT_SIZE, anchor="middle", colour="#ffffff")
            svg_text(group, xs[k] - radius - 6, y + 6, "bias", anchor="end")
    # the posts' names in a typewriter font, where l (ell) and I differ
    longest = max(len(label) for label in net.labels)
    name_size = max(14, min(20, int((xs[1] - xs[0] - 8) / (0.62 * longest))))
    for k, role in enumerate(layer_roles(net)):
        svg_text(group, xs[k], top + height - 30, net.labels[k], name_size,
                 anchor="middle", weight="bold", font="monospace")
        if role:
            svg_text(group, xs[k], top + height - 9, role, 17, anchor="middle", colour="#333333")


LABEL_PLACES = (0.5, 0.36, 0.64, 0.26, 0.74, 0.43, 0.57, 0.2, 0.8, 0.31, 0.69)


def weight_labels(group, weights: List[Tuple[float, Tuple[float, float, float, float]]],
                  nodes: List[Tuple[float, float, float]]) -> None:
    """Each weight's value in a box on its line, where it covers no node and no other value.

    The largest weights are placed first; each box goes to the first of
    LABEL_PLACES (fractions of the way along its line) that is clear.  Where
    none is, the value is left off: the line's tooltip still gives it.
    """
    taken = [(x - r, y - r, x + r, y + r) for x, y, r in nodes]

    def overlap(a, b):
        return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))
    labels = svg_element(group, "g", class_="weight-labels")
    for w, (x1, y1, x2, y2) in sorted(weights, key=lambda item: -abs(item[0])):
        words = "%.2f" % w if abs(w) < 100 else "%.3g" % w
        half_width, half_height = text_width(words, 17) / 2 + 4, 12
        places = ((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t) for t in LABEL_PLACES)
        clear = next(((x, y) for x, y in places if not any(overlap(
            (x - half_width, y - half_height, x + half_width, y + half_height), other)
            for other in taken)), None)
        if clear is None:
            continue
        x, y = clear
        box = (x - half_width, y - half_height, x + half_width, y + half_height)
        taken.append(box)
        colour = "#005a8c" if w >= 0 else "#a04600"
        svg_element(labels, "rect", x=box[0], y=box[1], width=box[2] - box[0],
                    height=box[3] - box[1], rx=5.0, fill="#ffffff", stroke=colour,
                    stroke_width=1)
        svg_text(labels, x, y + 6, words, 17, anchor="middle", weight="bold", colour=colour)


def decision_map(svg, net: Network, box: Tuple[float, float, float, float]) -> None:
    """The map of the answers over the two inputs that vary, the 0.5 line and the examples,
    in the data's own units and names."""
    left, top, width, height = box
    group = svg_element(svg, "g", class_="map")
    svg_text(group, left, top + 22, "What it answers", HEADING_SIZE, weight="bold")
    (first, second), _ = map_axes(net)
    answer = functools.partial(network_answer, {"weights": net.weights, "bias": net.bias})
    on_map = on_the_map(net)
    trained = [(s, t[0], "trained on") for s, t in zip(net.X, net.y)]
    held = [(s, t[0], "not trained on") for s, t in zip(net.held_X, net.held_y) if on_map(s)]
    outputs = [answer(s) for s, _, _ in trained + held]
    wrong = [not is_right(output, t) for output, (_, t, _) in zip(outputs, trained + held)]
    examples = list(zip(trained + held, outputs, wrong))
    dotted = len(examples) > MAP_LABELLED_EXAMPLES
    # so many that their dots would hide the map: every step-th one, in the order of the data
    step = math.ceil(len(examples) / MAP_MOST_DOTS)
    words = tuple(reversed(net.target_words or ["0", "1"]))
    side = map_side(net)
    (xs, ys), answers = map_answers(net, side, side)
    lowest, highest = min(map(min, answers)), max(map(max, answers))
    # answers this even: a 0.5 line would trace rounding, not a decision
    flat = highest - lowest < MAP_FLAT
    if flat:
        line = "no line: the answer is %.2f everywhere" % lowest
        if abs(lowest - 0.5) < 0.1:
            line += ", training stalled%s" % (
                "; try --scale" if net.scaling is None and scale_warning(net.X) else "")
    else:
        line = "line: answer 0.5"
    if dotted:
        drawn = "examples" if step == 1 else "1 in %d of the %s examples" % (
            step, "{:,}".format(len(examples)))
        key = [line, "dots: %s, blue\u00a0=\u00a0%s, vermilion\u00a0=\u00a0%s"
               % ((drawn,) + words)]
    else:
        key = [line, "circles: examples, %s" % (
            # kept on one line each: 1 = pass
            "1\u00a0=\u00a0%s, 0\u00a0=\u00a0%s" % words if net.target_words
            else "their targets")]
    if held:
        key.append("diamonds: held out or test")
    if any(wrong) and not dotted:
        key.append("yellow: wrong")
    if any(map(on_map, net.asked)):
        key.append("dashed: new")
    key += ["%s: off the map" % situation_text(net, s) for s in net.asked if not on_map(s)]
    held_note = held_inputs_text(net)
    if held_note:
        key.append(held_note)
    notes = wrapped("; ".join(key), int((width - 4) / (CHARACTER_WIDTH * 17)))
    size = min(210.0, height - 86 - 20 * len(notes))
    x0, y0 = left + 60, top + 36
    cell = size / side
    cells = svg_element(group, "g", class_="map-cells", shape_rendering="crispEdges")
    for r, row in enumerate(answers):
        for c, a in enumerate(row):
            svg_element(cells, "rect", x=x0 + c * cell, y=y0 + size - (r + 1) * cell,
                        width=cell + 0.6, height=cell + 0.6, fill=answer_colour(a))
    svg_element(group, "rect", class_="map-frame", x=x0, y=y0, width=size, height=size, fill="none",
                stroke="#000000")

    def point(c, r):  # grid units to the page: cell centres
        return x0 + (c + 0.5) * cell, y0 + size - (r + 0.5) * cell
    path = "" if flat else " ".join("M%.1f %.1fL%.1f %.1f" % (point(*a) + point(*b))
                                    for a, b in boundary_segments(answers))
    if path:
        tooltip(svg_element(group, "path", d=path, stroke="#000000", stroke_width=2.5, fill="none"),
                "where the answer is 0.5")

    def place(situation):
        return point((situation[first] - xs[0]) / (xs[-1] - xs[0]) * (side - 1),
                     (situation[second] - ys[0]) / (ys[-1] - ys[0]) * (side - 1))
    # many examples: small dots in their target's colour, cut off at the map's edge; the
    # clip's id names its rectangle, so pictures on one notebook page that share an id share
    # the same rectangle too
    if dotted:
        clip = svg_element(svg_element(group, "defs"), "clipPath",
                           id="map-area-%d-%d-%d" % (x0, y0, size))
        svg_element(clip, "rect", x=x0, y=y0, width=size, height=size)
        dots = svg_element(group, "g", class_="examples",
                           clip_path="url(#%s)" % clip.get("id"))
    for (situation, target, how), output, is_wrong in examples[::step]:
        x, y = place(situation)
        if dotted:  # a small dot in its target's colour
            parent, radius, fill, stroke = dots, 4.0, answer_colour(target), 1
        else:  # a circle its target is written in, yellow if the answer is wrong
            parent, radius, fill, stroke = group, 12.0, WRONG_FILL if is_wrong else "#ffffff", 2
        if how == "trained on":
            marker = svg_element(parent, "circle", class_="example", cx=x, cy=y, r=radius,
                                 fill=fill, stroke="#000000", stroke_width=stroke)
        else:  # a diamond around where the circle would be
            corner = radius * 1.25
            marker = svg_element(parent, "polygon", class_="held-out", fill=fill,
                                 stroke="#000000", stroke_width=stroke, points=" ".join(
                                     "%.1f,%.1f" % p for p in ((x, y - corner), (x + corner, y),
                                                               (x, y + corner), (x - corner, y))))
        tooltip(marker, "%s %s: target %s, answer %.8f, %s" % (
            how, situation_text(net, situation), target_text(net, target), output,
            "wrong" if is_wrong else "right"))
        if not dotted:
            svg_text(group, x, y + 6, number_text(target) if len(number_text(target)) < 3
                     else "%.1f" % target, 16, anchor="middle", weight="bold")
    for situation in net.asked:
        if on_map(situation):
            x, y = place(situation)
            marker = svg_element(group, "rect", class_="new-situation", x=x - 11, y=y - 11,
                                 width=22.0, height=22.0, fill="#ffffff", stroke="#000000",
                                 stroke_width=2, stroke_dasharray="4 2")
            tooltip(marker, "new situation %s: answer %.8f" % (situation_text(net, situation),
                                                              answer(situation)))
            svg_text(group, x, y + 6, "?", 16, anchor="middle", weight="bold")
    # the axes in the data's units: its lowest and highest values, and the input's name
    for value, c in ((xs[0], 0), (xs[-1], side - 1)):
        svg_text(group, point(c, 0)[0], y0 + size + 30,
                 number_text(data_value(net, first, value)), anchor="middle")
    for value, r in ((ys[0], 0), (ys[-1], side - 1)):
        svg_text(group, x0 - 16, point(0, r)[1] + 6,
                 number_text(data_value(net, second, value)), anchor="end")
    fitted_text(group, x0 + size / 2, y0 + size + 30, input_name(net, first), TEXT_SIZE,
                size - 60, 14, anchor="middle", weight="bold")
    label = fitted_text(group, x0 - 30, y0 + size / 2, input_name(net, second), TEXT_SIZE,
                        size - 60, 14, anchor="middle", weight="bold")
    label.set("transform", "rotate(-90 %.1f %.1f)" % (x0 - 36, y0 + size / 2))
    # the colour key, beside the map
    key_x = x0 + size + 14
    for n in range(11):
        a = 1 - n / 10
        svg_element(group, "rect", x=key_x, y=y0 + n * size / 11, width=16.0,
                    height=size / 11 + 0.5, fill=answer_colour(a), shape_rendering="crispEdges")
    svg_element(group, "rect", x=key_x, y=y0, width=16.0, height=size, fill="none",
                stroke="#000000")
    for a, label in ((1, "1"), (0.5, "0.5"), (0, "0")):
        svg_text(group, key_x + 22, y0 + (1 - a) * size * 10 / 11 + size / 22 + 6, label)
    for n, line in enumerate(notes):
        svg_text(group, left, y0 + size + 52 + 20 * n, line, 17, colour="#333333")


def answers_panel(svg, net: Network, box: Tuple[float, float, float, float], heading: str,
                  reason: str = "") -> None:
    """Each example's inputs, target and answer (its colour too), and the new situations'."""
    left, top, width, height = box
    group = svg_element(svg, "g", class_="answers")
    svg_text(group, left, top + 22, heading, HEADING_SIZE, weight="bold")
    if reason:
        svg_text(group, left, top + 48, reason, 17, colour="#333333")
    if net.X is None:
        return
    answer = functools.partial(network_answer, {"weights": net.weights, "bias": net.bias})
    rows = ([(s, t[0], "") for s, t in zip(net.X, net.y)]
            + [(s, t[0], "held out") for s, t in zip(net.held_X, net.held_y)]
            + [(s, None, "new") for s in net.asked])
    targets = [how if target is None else target_text(net, target) for _, target, how in rows]

    def column_room(words):  # a column's width: its header's or its widest entry's, and a gap
        return max(text_width(w, TEXT_SIZE) for w in words) + 20
    texts = [situation_text(net, s) for s, _, _ in rows]
    target_room = 110
    inputs_room = width - 220 - target_room  # the answers take 220 px
    inputs_width = column_room(["inputs"] + texts)
    names_line = bool(net.input_names) and inputs_width > inputs_room
    if names_line:  # each row too long with the names: the names once, above the values
        texts = [situation_text(net, s, named=False) for s, _, _ in rows]
        inputs_width = column_room(["inputs"] + texts)
    if inputs_width > inputs_room:  # the targets give up their slack
        target_room = min(target_room, column_room(["target"] + targets) + 4)
    column = min(width - 220 - target_room, inputs_width)
    first = top + (76 if reason else 52) + 24 * names_line
    if names_line:
        fitted_text(group, left, first - 24, "inputs: " + ", ".join(net.input_names),
                    17, width, 17, colour="#333333")
    fits = int((top + height - first) / 24)
    shown = rows if len(rows) <= fits else rows[:fits - 1]
    for n, words in enumerate(["inputs", "target", "answer"]):
        svg_text(group, left + (0, column, column + target_room)[n], first, words, weight="bold")
    for n, ((situation, target, how), words, target_words) in enumerate(zip(shown, texts,
                                                                             targets)):
        y = first + 24 * (n + 1)
        output = answer(situation)
        svg_text(group, left, y, cut_to_width(words, TEXT_SIZE, column - 8))
        svg_text(group, left + column, y, target_words)
        svg_element(group, "rect", x=left + column + target_room, y=y - 15, width=18.0,
                    height=18.0, fill=answer_colour(output), stroke="#000000")
        verdict = "" if target is None else (
            ", right" if is_right(output, target) else ", wrong")
        svg_text(group, left + column + target_room + 26, y, "%.8f%s%s" % (
            output, verdict, " (%s)" % how if how and target is not None else ""))
    if len(shown) < len(rows):
        svg_text(group, left, first + 24 * (len(shown) + 1),
                 "and %d more" % (len(rows) - len(shown)))


def wrapped(words: str, width: int) -> List[str]:
    """Words in lines of at most width characters."""
    return textwrap.wrap(words, width, break_on_hyphens=False)


DASHES = ["", "12 6", "3 5", "16 5 3 5", "8 8", "2 8"]   # curves that lie on one another


def error_chart(svg, net: Network, box: Tuple[float, float, float, float]) -> None:
    """The error against iterations, one curve each, on a log scale when it falls tenfold."""
    left, top, width, height = box
    curves = net.curves
    group = svg_element(svg, "g", class_="errors")
    svg_text(group, left, top + 22, "How it learned", HEADING_SIZE, weight="bold")
    finite = [e for _, points in curves for _, e in points if math.isfinite(e)]
    several = len(curves) > 1
    notes = [note for note in (net.curve_note, net.note, zig_zag_note(curves)) if note]
    if finite and all(len(points) < 2 for _, points in curves):
        notes.insert(0, "One error noted, at iteration 0: %s. Train longer to see a curve."
                     % ", ".join(python2_str(points[0][1]) for _, points in curves if points))
        finite = []
    elif not finite:
        notes.insert(0, "The error is not a number: the weights overflowed.")
    if not finite:
        for n, line in enumerate(wrapped(" ".join(notes), 52)):
            svg_text(group, left, top + 60 + 24 * n, line, colour="#333333")
        return
    high, low, logarithmic, scale = error_scale(finite)
    if logarithmic:
        bottom, top_value = math.floor(math.log10(low)), math.ceil(math.log10(high))
        ticks = [10.0 ** p for p in range(bottom, top_value + 1)]
    else:
        step = round_step(high or 1)
        bottom, top_value = 0.0, step * math.ceil((high or 1) / step)
        ticks = [step * n for n in range(round(top_value / step) + 1)]
    last = max(i for _, points in curves for i, _ in points) or 1
    def notes_in(room):  # the notes' lines in room px across, and the chart's height above them
        lines = wrapped(" ".join(notes), int(room / (CHARACTER_WIDTH * 17)))
        return lines, height - 36 - 54 - 20 * len(lines)
    # a legend narrows the chart; the notes go under both, across the whole box, when the
    # legend's rows and the line under them fit above the notes, a line's height clear of
    # them: in one column, else in two; else in two down to the box's foot, the notes
    # under the chart alone
    plot_left, plot_top = left + 74, top + 36
    note_lines, plot_height = notes_in(width - 10)
    # legend rows run from plot_top + 12, 24 px apart; the notes from plot_top + plot_height + 70
    fits = int((plot_height + 70 - 20 - 12) / 24)
    legend_columns = 1 if len(curves) <= fits else 2
    legend_rows = math.ceil(len(curves) / legend_columns)
    legend_width = (215 if legend_columns == 1 else 300) if several else 0
    if legend_rows > fits:
        note_lines, plot_height = notes_in(width - 10 - legend_width)
    plot_width = width - 74 - 30 - legend_width

    def page(iteration, error):
        return (plot_left + plot_width * iteration / last,
                plot_top + plot_height * (1 - (scale(error) - bottom) / (top_value - bottom)))
    svg_element(group, "rect", x=plot_left, y=plot_top, width=float(plot_width),
                height=float(plot_height), fill="none", stroke="#000000")
    for value in ticks:
        y = page(0, value)[1]
        svg_element(group, "line", x1=plot_left, y1=y, x2=plot_left + plot_width, y2=y,
                    stroke="#dddddd")
        svg_text(group, plot_left - 6, y + 6, "%g" % value, anchor="end")
    # as many round numbers as there is room for, and the end when it is not round
    room = max(1, min(5, int(plot_width / (text_width("{:,}".format(last), TEXT_SIZE) + 30))))
    ticks_across = round_ticks(last, room)
    if len(ticks_across) > 1 and last - ticks_across[-1] > 0.4 * ticks_across[1]:
        ticks_across.append(last)
    for iteration in ticks_across:
        x = page(iteration, ticks[0])[0]
        svg_text(group, x, plot_top + plot_height + 22, "{:,}".format(iteration),
                 anchor="middle")
    svg_text(group, plot_left + plot_width / 2, plot_top + plot_height + 46, "iterations",
             anchor="middle")
    words = next(words for words in ("mean absolute error%s" % (" (log)" if logarithmic else ""),
                                     "error%s" % (" (log)" if logarithmic else ""), "error")
                 if text_width(words, 16) <= plot_height + 10 or words == "error")
    label = svg_text(group, left + 14, plot_top + plot_height / 2, words, 16, anchor="middle")
    label.set("transform", "rotate(-90 %.1f %.1f)" % (left + 8, plot_top + plot_height / 2))
    drawn, styles = [], set()
    for n, (name, points) in enumerate(curves):
        colour = CURVE_COLOURS[n % len(CURVE_COLOURS)]
        stretches, stretch = [], []
        for iteration, error in points:  # a curve breaks where the error is not a number
            if math.isfinite(error) and (error > 0 or not logarithmic):
                stretch.append(page(iteration, error))
            elif stretch:
                stretches.append(stretch)
                stretch = []
        stretches.append(stretch)
        # a curve on top of one drawn before it is dashed, in a pattern of its own; once the
        # colours run out, a colour comes back with a pattern it has not had
        hidden = min(sum(lies_on(stretches, other) for other in drawn), len(DASHES) - 1)
        dashes = next(d for d in DASHES[hidden:] + DASHES if (colour, d) not in styles)
        styles.add((colour, dashes))
        drawn.append(stretches)
        curve = svg_element(group, "g", class_="curve", fill="none", stroke=colour, stroke_width=3,
                            stroke_dasharray=dashes or "none")
        tooltip(curve, "%s: last error %s" % (name, python2_str(points[-1][1])))
        for stretch in stretches:
            if len(stretch) > 1:
                svg_element(curve, "polyline", points=" ".join("%.1f,%.1f" % p for p in stretch))
            if len(stretch) < 30:  # few points: each one shown
                for x, y in stretch:
                    svg_element(curve, "circle", cx=x, cy=y, r=4.0, fill=colour, stroke="none")
        if several:  # two columns: the alphas' values alone, "alpha" said once under them
            y = plot_top + 12 + 24 * (n % legend_rows)
            x = plot_left + plot_width + 34 + 150 * (n // legend_rows)
            svg_element(group, "line", x1=x, y1=y - 6, x2=x + 30, y2=y - 6, stroke=colour,
                        stroke_width=3, stroke_dasharray=dashes or "none")
            label = python2_str(net.alphas[n]) if legend_columns == 2 and net.alphas else name
            svg_text(group, x + 36, y, "%s: %.3g" % (label, points[-1][1]),
                     17 if legend_columns == 1 else 16)
    if several:
        svg_text(group, plot_left + plot_width + 34, plot_top + 12 + 24 * legend_rows,
                 "(alpha: its last error)" if legend_columns == 2 and net.alphas else
                 "(each: its last error)", 16, colour="#333333")
    for n, line in enumerate(note_lines):
        svg_text(group, left, plot_top + plot_height + 70 + 20 * n, line, 17, colour="#333333")


def lies_on(stretches: List[List[Tuple[float, float]]],
            other: List[List[Tuple[float, float]]]) -> bool:
    """Whether a curve runs within a few px of another over most of its points."""
    mine, theirs = [p for s in stretches for p in s], [p for s in other for p in s]
    if not mine or len(mine) != len(theirs):
        return False
    close = sum(abs(a[1] - b[1]) < 5 for a, b in zip(mine, theirs))
    return close >= 0.8 * len(mine)


def zig_zag_note(curves: List[Tuple[str, List[Tuple[int, float]]]]) -> str:
    """A note when a curve goes up and down by turns: each update overshoots, the next one back."""
    for name, points in curves:
        errors = [e for _, e in points if math.isfinite(e)]
        turns = sum((b - a) * (c - b) < 0 for a, b, c in zip(errors, errors[1:], errors[2:]))
        if len(errors) >= 20 and turns >= len(errors) / 3:
            return ("The %s zig-zags: an update overshoots and the next swings back; a "
                    "smaller alpha steadies it." % ("error" if len(curves) == 1 else name))
    return ""


def round_ticks(last: int, steps: int = 5) -> List[int]:
    """Round iterations from 0 to last for an axis: 1, 2 or 5 times a power of ten apart.

    >>> round_ticks(9996), round_ticks(60000), round_ticks(10000, 3)
    ([0, 2000, 4000, 6000, 8000], [0, 20000, 40000, 60000], [0, 5000, 10000])
    """
    step = max(1, round(round_step(last, steps)))
    return list(range(0, last + 1, step))


def round_step(high: float, steps: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten that marks 0 to high in at most `steps` steps.

    >>> round_step(0.546), round_step(60000)
    (0.2, 20000)
    """
    power = 10 ** math.floor(math.log10(high / steps))
    step = next(power * f for f in (1, 2, 5, 10) if high / (power * f) <= steps)
    return round(step, 12) if power < 1 else step


# --- --check: the update backpropagation makes is the error's slope -------------

def half_squared_error(X: Matrix, y: Matrix, weights: List[Matrix], bias: bool = False) -> float:
    """E = 1/2 * sum((y - output)^2): the error whose slope every update of the posts descends.

    >>> half_squared_error([[0]], [[1]], [[[0.0]]])   # output 0.5: 1/2 * 0.5^2
    0.125
    """
    errors = subtract(y, forward(weights, X, bias)[-1])
    return 0.5 * sum_left_to_right(multiply(errors, errors))  # not sum(): see mean


def check_lines(net: Network, after: List[Matrix], alpha: Number,
                h: float = CHECK_NUDGE) -> List[str]:
    """Each weight's slope dE/dw as backpropagation found it beside the slope measured by nudging.

    net: the network at its starting weights (net.weights), with its data;
    after: the weights after one update, which moved each weight by -alpha * dE/dw.
    """
    lines = ["Backpropagation checked by hand, at the starting weights%s:"
             % ("" if alpha == 1 else ", alpha " + python2_str(alpha)),
             "E = 1/2 * sum((y - output)^2) over the %s. Each update moves a weight by"
             % plural(len(net.X), "example"),
             "-alpha * dE/dw, so backpropagation's slope is (before - after) / alpha; the",
             "measured slope nudges the weight by +-%g and divides E's change by %g."
             % (h, 2 * h),
             "%-22s %17s %17s  %s" % ("weight", "backpropagation", "measured", "agreement")]
    worst, agreeing, unmeasured, disagreeing, skipped = math.inf, 0, 0, 0, 0
    nudged = [[list(row) for row in synapses] for synapses in net.weights]  # one weight at a time
    for k, synapses in enumerate(net.weights):
        count = 0
        for i, row in enumerate(synapses):
            for j, w in enumerate(row):
                count += 1
                if count > CHECK_MAX_WEIGHTS:
                    skipped += 1
                    continue
                backpropagation = (w - after[k][i][j]) / alpha
                nudged[k][i][j] = w + h
                up = half_squared_error(net.X, net.y, nudged, net.bias)
                nudged[k][i][j] = w - h
                down = half_squared_error(net.X, net.y, nudged, net.bias)
                nudged[k][i][j] = w  # back, before the next weight is nudged
                measured = (up - down) / (2 * h)
                digits = agreeing_digits(backpropagation, measured)
                # E adds up every example's error, and its last digits are rounding:
                # nudged by h, it cannot measure a slope closer than about this
                rounding = (math.sqrt(len(net.X)) * sys.float_info.epsilon
                            * max(abs(up), abs(down)) / h)
                if digits >= 5:
                    agreement = "both 0" if digits == math.inf else plural(digits, "digit")
                    agreeing += 1
                    worst = min(worst, digits)
                elif abs(backpropagation - measured) <= rounding:  # a difference E cannot show
                    agreement = "too small to measure"
                    unmeasured += 1
                else:
                    agreement = plural(digits, "digit")
                    disagreeing += 1
                is_bias = net.bias and i == len(synapses) - 1  # the bias's row: the last
                lines.append("%-22s %17.10f %17.10f  %s" % (
                    "%s[%d][%d]%s" % (net.names[k], i, j, " bias" if is_bias else ""),
                    backpropagation, measured, agreement))
    if skipped:
        lines.append("(%d more weights not listed: %d a matrix at most)"
                     % (skipped, CHECK_MAX_WEIGHTS))
    too_small = ("%d too small for a nudge of %g to measure through E's rounding"
                 % (unmeasured, h))
    if disagreeing:
        lines.append("Some slopes disagree: this update is not the error's slope.")
    elif not agreeing:  # E sums so many examples that its rounding hides every slope
        lines.append("Nothing to go by: all %s; on fewer examples they would show." % too_small)
    else:
        lines.append("All %d slopes %sagree%s%s: the update is the error's slope, downhill."
                     % (agreeing, "measured " if unmeasured else "",
                        "" if worst == math.inf else " to %d digits or more" % worst,
                        " (%s)" % too_small if unmeasured else ""))
    return lines


def agreeing_digits(a: float, b: float) -> float:
    """How many significant digits two numbers share (infinity when both are 0).

    >>> agreeing_digits(0.123456, 0.123457), agreeing_digits(1.0, 2.0)
    (5, 0)
    """
    largest = max(abs(a), abs(b))
    if largest < 1e-12:
        return math.inf
    if a == b:
        return 15
    return max(0, min(15, int(-math.log10(abs(a - b) / largest))))


def program_check(function: Callable, net: Network, **settings) -> List[str]:
    """--check for a post program: its starting weights (net's) and those after one update,
    from a run of one iteration (nothing printed)."""
    if "alphas" in settings:
        settings["alphas"] = list(settings["alphas"])[:1]
    with contextlib.redirect_stdout(io.StringIO()):
        after = network_of(function(**dict(settings, iterations=1)))
    alpha = settings["alphas"][0] if "alphas" in settings else 1
    return check_lines(net._replace(weights=net.starting_weights), after.weights, alpha)


def train_check(X: Matrix, y: Matrix, layers: List[int], alpha: Number, seed: int,
                bias: bool) -> List[str]:
    """--check for train: one update of train_network from the same starting weights."""
    result = train_network(X, y, layers, iterations=1, alpha=alpha, seed=seed, bias=bias)
    before = network_of(result, X, y)._replace(weights=result["starting_weights"])
    return check_lines(before, result["weights"], alpha)



# --- --svg, --map and --check on the command line --------------------------------

def check_picture(options: dict, layers: Sequence[int]) -> None:
    """Refuse --svg for a network too big to draw, or a file it cannot write, before it trains."""
    if options.get("svg") is None:
        return
    if not options["svg"].lower().endswith(".svg"):  # not the data, nor this very file
        raise InputError("--svg takes a file name ending in .svg, got %s"
                         % shown_name(options["svg"]))
    check_output_path(options["svg"], "--svg", "draw to", options.get("data"),
                      options.get("test"))
    if max(layers) > PICTURE_MAX_NEURONS:
        raise InputError("--svg draws at most %d neurons a layer; layers %s have %d"
                         % (PICTURE_MAX_NEURONS, ",".join(map(str, layers)), max(layers)))


def show_pictures(options: dict, net: Network, check: Callable, title: str,
                  example: Optional[Vector] = None) -> None:
    """What --map, --check and --svg ask for, after a network has trained.

    check: makes --check's lines (it trains one iteration again).
    """
    if options.get("map"):
        print("\n".join(map_text(net)))
    if options.get("check"):
        print("\n".join(check()))
    if options.get("svg") is not None:
        picture(net, example=example, title=title).save(options["svg"])
        print("Picture written to %s" % shown_name(options["svg"]))


def show_program_pictures(options: dict, function: Callable, name: str, result,
                          settings: dict) -> None:
    """--svg, --map, --check and --plot for a post program that has run with these settings."""
    if not any(options.get(option) for option in PICTURE_OPTIONS):
        return
    net = program_network(function, result, **settings)
    if options.get("plot"):  # the errors the program noted: one curve for each alpha
        print("\n".join(error_plot(net.curves)))
    show_pictures(options, net, lambda: program_check(function, net, **settings),
                  "%s: %s iterations" % (name, "{:,}".format(settings["iterations"])))


def show_train_pictures(options: dict, results: List[dict], settings: dict, data: str,
                        asked: Matrix, examples: Sequence[Tuple[Table, str]] = ()) -> None:
    """--svg, --map and --check for train: one network trained with these settings for each
    alpha (several draw one error curve each), asked: the --ask inputs as the network takes
    them; examples: scored_examples's, whose held-out and test examples the map marks."""
    if not any(options.get(option) for option in ("svg", "map", "check")):  # --plot is printed
        return
    X, y, layers, bias = (settings[name] for name in ("X", "y", "layers", "bias"))
    alphas = [result["alpha"] for result in results]
    others = [table for table, _ in examples[1:]]  # the first: the examples trained on
    held = ([row for table in others for row in scaled(table.X, results[0].get("scaling"))],
            [row for table in others for row in table.y])
    net = network_of(results if len(results) > 1 else results[0], X, y, asked=asked, held=held,
                     iterations=settings["iterations"])
    title = "Layers %s trained on %s: %s iterations, %s%s" % (
        ",".join(map(str, layers)), shortened_name(data), "{:,}".format(settings["iterations"]),
        "alpha " + ", ".join(map(python2_str, alphas)) if len(alphas) <= TITLE_ALPHAS else
        "%d alphas from %s to %s" % (len(alphas), python2_str(min(alphas)),
                                     python2_str(max(alphas))), ", with bias" if bias else "")
    show_pictures(options, net, lambda: train_check(X, y, layers, alphas[0], settings["seed"], bias),
                  title, asked[0] if asked else None)



def shortened_name(data: str, longest: int = 24) -> str:
    """A data file's name for a title: without its folders, its middle cut when long."""
    name = os.path.basename(data) or data
    return name if len(name) <= longest else name[:longest - 12] + "..." + name[-9:]


# ----------------------------------------------------------------------------
# The programs as the command line knows them
#
# An entry names a program's function rather than holding it: the function is
# looked up when it runs, so a program redefined in a notebook is the one run.
# ----------------------------------------------------------------------------

class Program(NamedTuple):
    """A post program for the command line: its name, its function's name and a line about it."""
    name: str
    function: str
    summary: str
    network: Tuple[int, List[int]]  # its examples and layer sizes, for the estimate of its time
    options: Tuple[str, ...] = ()   # its own options, beside --seed, --iterations and --trace
    loop: str = ""                  # where its training loop is, when not in the function
    in_default_run: bool = True


PROGRAMS = [
    Program("nine-lines", "nine_lines",
            "Milo Spencer-Harper's 9-line neuron: its answer for [1, 0, 0]", (4, [3, 1])),
    Program("neuron", "neuron",
            "the same neuron as Milo's NeuralNetwork class, weights before and after",
            (4, [3, 1]), loop="NeuralNetwork.train"),
    Program("two-layer", "two_layer", "Andrew Trask's 2-layer network: its output after training",
            (4, [3, 1])),
    Program("three-layer", "three_layer",
            "Trask's 3-layer network learning XOR: the error every 10,000 iterations",
            (4, [3, 4, 1])),
    Program("eleven-lines", "eleven_lines",
            "Trask's 11-line version of it: the network's final output", (4, [3, 4, 1])),
    Program("multi-layer", "multi_layer",
            "Milo's multi-layered network: both layers' weights before and after",
            (7, [3, 4, 1]), loop="MultiLayerNeuralNetwork.train"),
    # seven networks of 60,000 iterations: too slow for the run-them-all default;
    # its hidden layer is --hidden's size
    Program("gradient-descent", "gradient_descent",
            "Trask's Part 2: gradient descent, the error for each learning rate alpha",
            (4, [3, 4, 1]), options=("alphas", "hidden_size", "directions"),
            in_default_run=False),
]


def check_alpha_count(alphas: Sequence[Number]) -> None:
    """Refuse more alphas than MAX_ALPHAS: each is a network to train."""
    if len(alphas) > MAX_ALPHAS:
        raise InputError("--alpha is given %d times; at most %d" % (len(alphas), MAX_ALPHAS))


def look_up(name: str):
    """What a dotted name means here now: 'three_layer', 'NeuralNetwork.train'."""
    first, *attributes = name.split(".")
    found = globals()[first]
    for attribute in attributes:
        found = getattr(found, attribute)
    return found


def settings_for(function: Callable, given: dict) -> dict:
    """Every setting of function: those given, and the function's own defaults for the rest."""
    bound = inspect.signature(function).bind_partial(**given)
    bound.apply_defaults()
    return dict(bound.arguments)


def call(function: Callable, settings: dict, trace: bool = False, loop: Callable = None):
    """function(**settings), its first and last iteration printed when trace is on."""
    if not trace:
        return function(**settings)
    with tracing(loop or function):
        return function(**settings)


def run_programs(programs: Sequence[Program], options: dict) -> None:
    """Post programs, each with the settings given and its own defaults for the rest.

    All are estimated before the first starts; several run under headings.
    """
    chosen = []
    for program in programs:
        function = look_up(program.function)
        settings = settings_for(function, {name: options[name] for name in
                                           ("seed", "iterations") + program.options
                                           if name in options})
        check_alpha_count(settings.get("alphas", ()))
        check_picture(options, program_layers(program.network, settings))
        chosen.append((program, function, settings))
    trace = options.get("trace", False)
    check_run(sum(program_seconds(program.network, settings, trace)
                  for program, _, settings in chosen), advice="use fewer iterations")
    for position, (program, function, settings) in enumerate(chosen):
        if len(chosen) > 1:
            print("%s== %s: %s" % ("\n" if position else "", program.name, program.summary))
        result = call(function, settings, trace, look_up(program.loop) if program.loop else None)
        show_program_pictures(options, function, program.name, result, settings)


def list_programs(options: dict) -> None:
    """--list: each program's name and what it prints."""
    width = max(len(program.name) for program in PROGRAMS)
    for program in PROGRAMS:
        print("%-*s %s" % (width, program.name, program.summary))


def draw_sigmoid(options: dict) -> None:
    """The sigmoid command: the S curve in the terminal."""
    print("\n".join(sigmoid_picture()))


# ----------------------------------------------------------------------------
# bench: how long an iteration of each program's training takes
# ----------------------------------------------------------------------------

BENCH_RUNS = 5
# the 9-line post's 10,000: each run takes a second or so, and PyPy has time
# to compile the loops
BENCH_ITERATIONS = 10000


def run_bench(runs: int = BENCH_RUNS, iterations: int = BENCH_ITERATIONS, seed: int = 1) -> None:
    """Train each program `runs` times and print the median run's microseconds an iteration."""
    settings = {program.name: {"seed": seed, "iterations": iterations} for program in PROGRAMS}
    settings["gradient-descent"]["alphas"] = [1]  # one alpha: its networks all train alike
    check_run((runs + 1) * sum(program_seconds(program.network, settings[program.name])
                               for program in PROGRAMS), advice="use fewer runs or iterations")
    print("%s %d.%d.%d: each program's training, the median of %d runs after one to warm up"
          % ((sys.implementation.name,) + tuple(sys.version_info[:3]) + (runs,)))
    width = max(len(program.name) for program in PROGRAMS)
    for program in PROGRAMS:
        function = look_up(program.function)
        seconds = []
        for _ in range(runs + 1):  # the first run warms up (PyPy compiles the loops then)
            with contextlib.redirect_stdout(io.StringIO()):
                start = time.perf_counter()
                function(**settings[program.name])
                seconds.append(time.perf_counter() - start)
        median = sorted(seconds[1:])[runs // 2]  # of an even count, the upper middle one
        print("%-*s %9.1f us an iteration  (%d iterations a run)"
              % (width, program.name, median / iterations * 1e6, iterations))


def bench(options: dict) -> None:
    """The bench command."""
    if options.get("iterations") == 0:  # given before "bench", where the programs take 0
        raise InputError("bench times 1 iteration or more a run, got --iterations 0")
    run_bench(**settings_for(run_bench, {name: options[name] for name in
                                         ("runs", "iterations", "seed") if name in options}))


# ----------------------------------------------------------------------------
# The command line
# ----------------------------------------------------------------------------

# The options SHARED_OPTIONS, PICTURE_OPTIONS and each Program's options name (train's
# and bench's own are added in build_parser), as argparse takes them: its type=
# converts and checks the text, and all default to "not given" (SUPPRESS), so
# that what is not given comes from the function's own signature.
OPTIONS = {
    "seed": (["--seed"], dict(
        type=whole_numbers(0, 2 ** 32 - 1), help="start from the weights np.random.seed(SEED) gives (default 1)")),
    "iterations": (["--iterations"], dict(
        type=whole_numbers(0, MAX_ITERATIONS), metavar="N",
        help="training iterations, 0 to %d (default: the program's own)" % MAX_ITERATIONS)),
    "trace": (["--trace"], dict(
        action="store_true",
        help="print every matrix of the first and the last iteration, each with a note "
             "saying what it is")),
    "alphas": (["--alpha"], dict(
        action="append", type=read_alpha, metavar="A",
        help="train with learning rate A; repeat for several, up to %d (default: the post's "
             "0.001, 0.01, 0.1, 1, 10, 100, 1000)" % MAX_ALPHAS)),
    "hidden_size": (["--hidden"], dict(
        type=whole_numbers(1, MAX_NEURONS), metavar="N",
        help="neurons in the hidden layer (default 4; the post's second program: 32)")),
    "directions": (["--directions"], dict(
        action="store_true",
        help="the post's third program: also print the weights and how often each one's "
             "update changed direction")),
    "bias": (["--bias"], dict(action="store_true", help="add a constant input of 1 to every layer")),
    "every": (["--every"], dict(
        type=whole_numbers(0, MAX_ITERATIONS), metavar="N",
        help="print the mean absolute error every N iterations, from iteration 0 "
             "(default 0: never)")),
    "svg": (["--svg"], dict(
        metavar="FILE",
        help="after training, draw the network before and after, what it answers across its "
             "inputs and its error curve in an SVG file a browser opens")),
    "map": (["--map"], dict(
        action="store_true",
        help="after training, draw in the terminal what the network answers across its two "
             "varying inputs")),
    "check": (["--check"], dict(
        action="store_true",
        help="check backpropagation by hand: each weight's slope beside the slope measured by "
             "nudging the weight")),
    "plot": (["--plot"], dict(
        action="store_true",
        help="after training, draw the error curve in the terminal (on a log scale when the "
             "error falls tenfold or more); one curve for each alpha")),
    "runs": (["--runs"], dict(
        type=whole_numbers(1, MAX_RUNS), help="runs of each program, 1 to %d (default %d)" % (MAX_RUNS, BENCH_RUNS))),
}
SHARED_OPTIONS = ("seed", "iterations", "trace")  # before a PROGRAM too, and with none
PICTURE_OPTIONS = ("svg", "map", "check", "plot")


def add_options(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """Add the named options of OPTIONS to a parser, each "not given" unless given."""
    for name in names:
        flags, settings = OPTIONS[name]
        parser.add_argument(*flags, dest=name, default=argparse.SUPPRESS, **settings)


class CommandLineError(InputError):
    """A command line argparse could not read."""


class Parser(argparse.ArgumentParser):
    """argparse, but its errors are raised, for main() to report in one line."""

    def error(self, message):
        raise CommandLineError(message)

    def print_help(self, file=None):
        # argparse's own ignores a failed write; main() reports it
        (file or sys.stdout).write(self.format_help())


def build_parser() -> argparse.ArgumentParser:
    """The command line: no PROGRAM runs the posts' programs, a PROGRAM's name runs that one.

    Each command's parser records what runs it (handler) and which options it
    takes (takes), so that an option given where it does nothing is refused.
    """
    parser = Parser(prog="pureneuron.py",
                    description="The neural networks of Milo Spencer-Harper's and Andrew "
                                "Trask's posts, in pure Python. With no PROGRAM, runs them all "
                                "but gradient-descent.",
                    epilog=limits_text())
    add_options(parser, SHARED_OPTIONS)
    parser.add_argument("--list", action="store_true", help="name the programs and stop")
    parser.set_defaults(handler=functools.partial(run_programs, [
        program for program in PROGRAMS if program.in_default_run]), command=None,
        takes=SHARED_OPTIONS)
    commands = parser.add_subparsers(metavar="PROGRAM", parser_class=Parser)
    for program in PROGRAMS:
        sub = commands.add_parser(program.name, help=program.summary, description=program.summary)
        add_options(sub, SHARED_OPTIONS + program.options + PICTURE_OPTIONS)
        sub.set_defaults(handler=functools.partial(run_programs, [program]),
                         command=program.name, takes=SHARED_OPTIONS)
    train = commands.add_parser(
        "train", help="train a network of your own: layers, data, alpha, bias, ...",
        description="Train a network with the posts' arithmetic on a named table or a CSV file "
                    "(10,000 iterations unless --iterations says otherwise), then print its "
                    "weights and whatever else is asked for.")
    add_options(train, SHARED_OPTIONS + ("bias", "every") + PICTURE_OPTIONS)
    train.add_argument("--alpha", dest="alphas", action="append", type=read_alpha,
                       metavar="A", default=argparse.SUPPRESS,
                       help="learning rate, more than 0 (default 1, the posts' implicit rate); "
                            "repeat to train one network for each, side by side (up to %d)"
                            % MAX_ALPHAS)
    train.add_argument("--layers", type=read_layers, metavar="SIZES",
                       help="the number of inputs, then each layer's neurons, like 3,4,1 or 3,1 "
                            "(default: the data's inputs, 4, 1)")
    train.add_argument("--data", metavar="NAME|FILE",
                       help="a named table (--data list names them; default trask) or a file "
                            "a spreadsheet saved as CSV or text: one example a line, the inputs "
                            "then the target (0 to 1, or two words like pass/fail), an optional "
                            "first line of names")
    train.add_argument("--skip", action="append", default=[], metavar="NAME|N",
                       help="leave out a column of the file, by its name or number "
                            "(repeatable), like a column of students' names")
    train.add_argument("--scale", action="store_true",
                       help="map each input to 0..1 by its lowest and highest value in the "
                            "training data (for hours, minutes, marks)")
    train.add_argument("--hold-out", metavar="N", dest="hold_out", type=read_hold_out,
                       help="keep N examples (or a fraction, like 0.25) out of training, "
                            "chosen by the seed, and test the network on them")
    train.add_argument("--test", metavar="FILE",
                       help="after training, test the network on the examples in FILE")
    train.add_argument("--save", metavar="FILE.json",
                       help="keep the trained network (weights, scaling, labels) in FILE.json")
    train.add_argument("--load", metavar="FILE.json",
                       help="answer --ask, --table and --test with a network saved by --save, "
                            "without training")
    train.add_argument("--ask", action="append", type=read_situation, default=[], metavar="1,0,0",
                       help="after training, the answer for this new situation (repeatable; "
                            "one that starts with a minus: --ask=-1,0,0)")
    train.add_argument("--table", action="store_true",
                       help="after training, the answer for every 0/1 combination of the inputs")
    train.set_defaults(handler=run_train, command="train", takes=SHARED_OPTIONS)
    sigmoid_command = commands.add_parser(
        "sigmoid", help="draw the sigmoid's S curve",
        description="Draw the S curve, marking where it is steepest and where it flattens.")
    sigmoid_command.set_defaults(handler=draw_sigmoid, command="sigmoid", takes=())
    bench_command = commands.add_parser(
        "bench", help="time each program's training",
        description="Time each program's training and print microseconds an iteration, the "
                    "median of several runs of %d iterations (or --iterations)." % BENCH_ITERATIONS)
    bench_command.add_argument("--iterations", type=whole_numbers(1, MAX_ITERATIONS),
                               default=argparse.SUPPRESS, metavar="N",
                               help="training iterations a run, 1 to %d (default %d)"
                                    % (MAX_ITERATIONS, BENCH_ITERATIONS))
    add_options(bench_command, ["seed", "runs"])
    bench_command.set_defaults(handler=bench, command="bench", takes=("seed", "iterations"))
    return parser


def read_command_line(argv: Sequence[str]) -> Tuple[Callable, dict]:
    """What to run and its options, every option converted and checked, or a CommandLineError."""
    options = vars(build_parser().parse_args(argv))
    handler, command, takes = options.pop("handler"), options.pop("command"), options.pop("takes")
    for name in SHARED_OPTIONS:
        if name in options and name not in takes:  # given before a command with no use for it
            raise CommandLineError("%s takes no --%s" % (command, name))
    if options.pop("list"):
        if command or options:
            raise CommandLineError("--list names the programs; give it alone")
        handler = list_programs
    return handler, options


def run_train(options: dict) -> None:
    """The train command: check the data and settings together, train, print what was asked."""
    if options["data"] == "list":
        print("\n".join(data_list()))
        return
    if options["load"] is not None:
        answer_saved(options)
        return
    settings = settings_for(train_network, {name: options[name] for name in
                                            ("seed", "iterations", "bias", "every")
                                            if name in options})
    iterations, seed, bias, every = (settings[name] for name in
                                     ("iterations", "seed", "bias", "every"))
    alphas = options.get("alphas", [settings["alpha"]])
    name = "trask" if options["data"] is None else options["data"]
    table = load_data(name, options["skip"])
    held = None
    if options["hold_out"] is not None:
        table, held = hold_out(table, options["hold_out"], seed)
    tested = read_test_file(options["test"], options["skip"], len(table.X[0]), table.labels,
                            table.inputs)
    layers = options["layers"] or [len(table.X[0]), 4, len(table.y[0])]
    check_network(table.X, table.y, layers, bias)
    check_situations(options["ask"], layers[0])
    if options["table"]:
        check_table(layers[0], table.X)
    check_alphas(options, alphas)
    # --every prints as it goes (for one network); --plot and --svg draw at most
    # about PLOT_MOST_POINTS noted errors, so memory stays the same however long it trains
    noted = every or (math.ceil(iterations / PLOT_MOST_POINTS)
                      if options.get("plot") or options.get("svg") else 0)
    trace = options.get("trace", False)
    check_run(len(alphas) * train_seconds(iterations, len(table.X), layers, bias, trace, noted,
                                          len(options["ask"]), options["table"],
                                          options.get("check", False)),
              train_bytes(iterations, len(table.X), layers, bias, trace, noted))
    check_picture(options, layers)
    if options["save"] is not None:  # an empty name too: refused there
        check_save(options["save"], layers, bias, name, options["test"])
    scaling = scaling_of(table.X) if options["scale"] else None
    print("Data: %s, %s" % (shown_name(name), table.description))
    print_data_lines(options["test"], tested, table.labels, scaling, table.inputs)
    for warning in [None if scaling else scale_warning(table.X),
                    step_warning(len(table.X), alphas)]:
        if warning:
            print(warning)
    print("Training layers %s for %d iterations, alpha %s, seed %d%s"
          % (",".join(map(str, layers)), iterations,
             ", ".join(python2_str(alpha) for alpha in alphas), seed,
             ", with bias" if bias else ""))
    settings.update(X=scaled(table.X, scaling), y=table.y, layers=layers, every=noted,
                    on_error=print_error if every and len(alphas) == 1 else None)
    results = []
    for alpha in alphas:
        result = call(train_network, dict(settings, alpha=alpha), trace)
        result.update(alpha=alpha, scaling=scaling, labels=table.labels, inputs=table.inputs)
        results.append(result)
    examples = scored_examples(table, held, tested)
    asked = scaled(options["ask"], scaling)  # as the network takes them
    if len(results) > 1:
        print_alphas(results, alphas, iterations, examples, options["ask"])
        if options.get("plot"):
            print("\n".join(error_plot([("alpha " + python2_str(result["alpha"]), result["errors"])
                                        for result in results])))
        show_train_pictures(options, results, settings, name, asked, examples)
        return
    result = results[0]
    if not non_finite_note(result):
        print_error(iterations, final_error(result, table.X, table.y))
    print_training(result, options["ask"], (table.X, table.y) if options["table"] else None,
                   options.get("plot", False), examples)
    show_train_pictures(options, results, settings, name, asked, examples)
    if options["save"] is not None:
        keep_network(options["save"], result, {
            "data": os.path.basename(os.fsdecode(name)),
            "iterations": iterations, "alpha": result["alpha"], "seed": seed})


PLOT_MOST_POINTS = 600  # errors noted for an error curve


def print_error(iteration: int, error: float) -> None:
    """One line of train --every."""
    print("Error after %d iterations:%s" % (iteration, python2_str(error)))


OUTPUT_ERRORS = (errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EBADF, errno.EDQUOT)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line and return its exit status: bad input is one line and status 2.

    argv: the arguments, like ["three-layer", "--seed", "2"]; when left out, the
    script's own, or none when called from a notebook or the interpreter.
    """
    if argv is None:
        argv = sys.argv[1:] if started_as_script() else []
    if sys.stdout is None:  # started with its output closed: nowhere to print
        say_error("standard output is closed")
        return 1
    try:
        check_arguments(argv)
        try:
            handler, options = read_command_line(argv)
        except SystemExit as done:  # --help has printed its text
            sys.stdout.flush()
            return done.code or 0
        handler(options)
        sys.stdout.flush()  # so that a full disk is reported here, not at exit
        return 0
    except (InputError, SourceUnavailable) as error:
        say_error(str(error))
        return 2
    except MemoryError:
        say_error("out of memory: try fewer examples, neurons or iterations")
        return 1
    except KeyboardInterrupt:
        say_error("interrupted", "")
        return 130
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as other commands do
        silence(sys.stdout)
        return 0
    except FileNotWritten as error:  # --svg's or --save's file: one line, like any output error
        say_error(error.strerror)
        return 1
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS:
            raise  # not the output: something else went wrong
        silence(sys.stdout)
        say_error("cannot write the output: %s" % (error.strerror or error))
        return 1


def say_error(message: str, prefix: str = "error: ") -> None:
    """One line on stderr; if even that cannot be written, nothing."""
    if sys.stderr is None:
        return
    try:
        print("pureneuron.py: %s%s" % (prefix, message), file=sys.stderr)
        sys.stderr.flush()
    except OSError:
        silence(sys.stderr)


def silence(stream) -> None:
    """Point a standard stream that cannot be written at nothing, so that Python's own
    last flush, at exit, has nothing to complain of."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (a notebook's stream): it has nothing to flush at exit


def started_as_script() -> bool:
    """Whether this file was run (python3 pureneuron.py, %run), not pasted into a notebook cell.

    Pasted into a cell, the code runs as __main__ too, but sys.argv is the
    notebook kernel's and there may be no __file__: then nothing should run.
    """
    return "__file__" in globals() and os.path.abspath(sys.argv[0]) == os.path.abspath(__file__)


if __name__ == "__main__" and started_as_script():
    status = main()
    # python3 -i and IDLE go on to their prompt: an exit there would print a traceback
    if status and not sys.flags.interactive:
        sys.exit(status)
