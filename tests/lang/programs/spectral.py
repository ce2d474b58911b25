# spectral norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1)
import math


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_a_times_u(u):
    n = len(u)
    return [sum(eval_a(i, j) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def eval_at_times_u(u):
    n = len(u)
    return [sum(eval_a(j, i) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def eval_ata_times_u(u):
    return eval_at_times_u(eval_a_times_u(u))


def spectral(n, rounds=10):
    u = [1.0] * n
    for _ in range(rounds):
        v = eval_ata_times_u(u)
        u = eval_ata_times_u(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return math.sqrt(vbv / vv)


for n in (10, 50, 100):
    print("n=%3d %0.9f" % (n, spectral(n)))

# partial results, with map/lambda
row = list(map(lambda j: eval_a(3, j), range(6)))
print(["%.5f" % x for x in row])
print(round(sum(row), 12), min(row), max(row))
print(f"{spectral(20, 3):.12f}", f"{math.fsum(row):.15g}")
