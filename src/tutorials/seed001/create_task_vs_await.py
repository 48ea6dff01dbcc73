# --- In [None]
# Exemplo 2: sequencial vs create_task vs gather (medindo tempo)
import asyncio, time

async def job(i):
    print(f"{time.time():.3f} start {i}")
    await asyncio.sleep(1)
    print(f"{time.time():.3f} end {i}")

async def seq():
    t0 = time.time()
    await job(1)
    await job(2)
    await job(3)
    # ~3s: cada job espera 1s sequencialmente
    print('seq elapsed', time.time() - t0)

async def tasks_then_await():
    t0 = time.time()
    t1 = asyncio.create_task(job(1))
    t2 = asyncio.create_task(job(2))
    t3 = asyncio.create_task(job(3))
    await t1
    await t2
    await t3    
    # ~1s: todos os jobs disparam em paralelo nas linhas t1, t2 e t3 do código
    # Todos os jobs foram disparados quase simultaneamente, sem blockeios entre eles
    print('tasks_then_await elapsed', time.time() - t0)

async def gather_example():
    t0 = time.time()
    await asyncio.gather(job(1), job(2), job(3))
    # ~1s: todos os jobs disparam em paralelo na chamada do gather
    # Nennhum job bloqueia outro
    print('gather elapsed', time.time() - t0)

async def blocking_job(i):
    print(f"{time.time():.3f} start blocking job {i}")
    time.sleep(1)  # bloqueia o loop
    print(f"{time.time():.3f} end blocking job {i}")
    
async def blocking_tasks_then_await():
    t0 = time.time()
    t1 = asyncio.create_task(blocking_job(1))
    t2 = asyncio.create_task(blocking_job(2))
    t3 = asyncio.create_task(blocking_job(3))
    await t1
    await t2
    await t3    
    # ~3s: cada blocking_job bloqueia o loop
    # create_task nao cria threads, apenas agenda as tarefas no loop
    print('blocking tasks_then_await elapsed', time.time() - t0)  # esperado ~3s: cada blocking_job bloqueia o loop

# Execute in notebook: await seq(); await tasks_then_await(); await gather_example()
# Esperado: seq ~3s, tasks_then_await ~1s, gather ~1s

# --- In [None]
await seq()

# --- In [None]
await tasks_then_await()

# --- In [None]
await gather_example()

# --- In [None]
await blocking_tasks_then_await()
