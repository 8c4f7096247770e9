# --- speed / bench (issue 3) ---
import re

import pytest

import pureneuron


def test_bench_prints_a_timing_line_for_every_registered_program(capsys):
    assert pureneuron.main(["bench", "--iterations", "2", "--runs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    import platform
    assert platform.python_implementation() in lines[0]
    assert platform.python_version() in lines[0]
    names = [program.name for program in pureneuron.PROGRAMS]
    assert len(lines) == 1 + len(names)
    for name, line in zip(names, lines[1:]):
        assert re.match(r"%s +\d+\.\d \u00b5s an iteration  \(2 iterations a run\)$"
                        % re.escape(name), line), line


def test_bench_times_programs_added_to_the_registry_later(capsys, monkeypatch):
    calls = []

    def run(seed, iterations):
        calls.append(iterations)
        return None

    extra = pureneuron.Program("extra", run, print, 7, 1, "a program registered later")
    monkeypatch.setattr(pureneuron, "PROGRAMS", [extra])
    assert pureneuron.main(["bench", "--iterations", "3", "--runs", "2"]) == 0
    assert calls == [3, 3, 3]  # one warm-up run, then the two timed
    assert capsys.readouterr().out.splitlines()[1].startswith("extra ")


@pytest.mark.parametrize("argv", [["bench", "--runs", "0"], ["bench", "--iterations", "0"],
                                  ["bench", "--runs", "x"]])
def test_bench_rejects_bad_counts_in_one_line(capsys, argv):
    assert pureneuron.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1


# The fast helpers check entries through their arithmetic; these pin that
# nothing slips through where Python itself would quietly succeed.
@pytest.mark.parametrize("call", [
    lambda: pureneuron.add_matrices([["a"]], [["b"]]),
    lambda: pureneuron.add_matrices([[(1,)]], [[(2,)]]),
    lambda: pureneuron.multiply([["a"]], [[1]]),
    lambda: pureneuron.multiply([[1]], [[[1]]]),
    lambda: pureneuron.multiply(2, [["a"]]),
    lambda: pureneuron.subtract([[None]], [[1]]),
    lambda: pureneuron.dot([["a"]], [[2]]),
    lambda: pureneuron.dot([[True]], [[[1]]]),
    lambda: pureneuron.dot(["a", 1], [[1], [2]]),
    lambda: pureneuron.sigmoid([["x"]]),
    lambda: pureneuron.sigmoid_slope([["x"]]),
    lambda: pureneuron.mean_absolute([[[1]]]),
])
def test_fast_helpers_reject_entries_that_are_not_numbers(call):
    with pytest.raises(TypeError, match="a matrix holds numbers, not "):
        call()


@pytest.mark.parametrize("call", [
    lambda: pureneuron.transpose([[1, 2], [3]]),
    lambda: pureneuron.dot([[1, 2], [3]], [[1], [2]]),
    lambda: pureneuron.dot([[1, 2]], [[1], [2, 3]]),
    lambda: pureneuron.add_matrices([[1, 2], [3]], [[1, 2], [3, 4]]),
    lambda: pureneuron.multiply([[1]], [[1, 2]]),
    lambda: pureneuron.sigmoid([[1], [2, 3]]),
    lambda: pureneuron.sigmoid_slope([[]]),
    lambda: pureneuron.subtract(1, []),
    lambda: pureneuron.dot([[1, 2], 3], [[1], [2]]),
])
def test_fast_helpers_reject_ragged_or_empty_matrices(call):
    with pytest.raises(ValueError):
        call()


def test_fast_helpers_keep_numbers_as_they_are():
    assert pureneuron.add_matrices([[True, 2]], [[1, -0.0]]) == [[2, 2.0]]
    assert str(pureneuron.multiply([[-0.0]], [[1.0]])[0][0]) == "-0.0"
    assert pureneuron.multiply([[3]], [[10 ** 30]]) == [[3 * 10 ** 30]]
    assert pureneuron.sigmoid([[-1000.0, 1000.0]]) == [[0.0, 1.0]]
    assert pureneuron.sigmoid([-1000.0]) == [0.0]


def test_fast_programs_agree_with_numpy_for_other_seeds():
    np = pytest.importorskip("numpy")
    for seed in range(4):
        result = pureneuron.three_layer(seed, 300)
        X = np.array(pureneuron.TRASK_INPUTS)
        y = np.array(pureneuron.TRASK_3LAYER_OUTPUTS)
        np.random.seed(seed)
        syn0 = 2 * np.random.random((3, 4)) - 1
        syn1 = 2 * np.random.random((4, 1)) - 1
        for j in range(300):
            l1 = 1 / (1 + np.exp(-np.dot(X, syn0)))
            l2 = 1 / (1 + np.exp(-np.dot(l1, syn1)))
            l2_delta = (y - l2) * (l2 * (1 - l2))
            l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
            syn1 += l1.T.dot(l2_delta)
            syn0 += X.T.dot(l1_delta)
        assert np.allclose(result["syn0"], syn0, rtol=1e-12, atol=1e-14)
        assert np.allclose(result["l2"], l2, rtol=1e-12, atol=1e-14)
        with np.printoptions(legacy="1.13"):
            assert pureneuron.format_matrix(result["syn0"]) == str(syn0)
            assert pureneuron.format_matrix(result["l2"]) == str(l2)
