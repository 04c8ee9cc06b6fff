#pragma once

// A device's worker object on a thread of its own (the printer's, the customer display's): every
// call it gets may wait on the device, and nobody at the counter waits with it.

#include <QObject>
#include <QThread>

namespace huike::ui {

// Moves `worker` to `thread`, which deletes it when it ends, and starts the thread.
template <class Worker> Worker *startWorkerOn(QThread &thread, Worker *worker)
{
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();
    return worker;
}

// Ends the thread once the worker has finished what it was doing (what it was still to do is
// dropped, and so is what it would have told `receiver`); `worker` is then none.
template <class Worker> void stopWorkerOn(QThread &thread, Worker *&worker, QObject *receiver)
{
    if (!worker)
        return;
    QObject::disconnect(worker, nullptr, receiver, nullptr);
    thread.quit();
    thread.wait();
    worker = nullptr;
}

} // namespace huike::ui
