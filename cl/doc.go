// Package cl is a thin OpenCL binding loaded at run time.
//
// It opens the OpenCL ICD loader (libOpenCL.so.1 on Linux, OpenCL.dll on Windows,
// the OpenCL framework on macOS) with github.com/ebitengine/purego, so the module
// builds with CGO_ENABLED=0 and no OpenCL SDK, and a machine without OpenCL gets an
// error wrapping ErrNoRuntime, never a crash. Nothing is loaded until Open is called;
// Open does not cache (package numeric keeps one Runtime).
//
// # Objects
//
// Runtime.Platforms lists platforms and devices. From a Device: Runtime.CreateContext,
// Context.CreateQueue (optionally with QueueProfiling), Context.CreateBuffer and
// CreateBufferFrom, Context.BuildProgram (or CreateProgramWithSource /
// CreateProgramWithBinary and Program.Build), Program.CreateKernel, Kernel.SetArgs,
// Queue.EnqueueNDRange, and the generic transfers ReadBuffer, WriteBuffer,
// EnqueueReadBuffer and EnqueueWriteBuffer, whose offsets count elements of the
// slice's type.
//
// Every object has a Release method that may be called more than once; use after
// Release returns ErrReleased. A cleanup (runtime.AddCleanup) releases objects that
// are dropped unreleased, but only as a safety net: release explicitly.
//
// # Go memory
//
// A blocking transfer uses the slice only during the call. A non-blocking transfer
// (EnqueueReadBuffer, EnqueueWriteBuffer) keeps using it until its *Event completes:
// the caller must not read or write the slice before Event.Wait returns. The event
// pins the slice and keeps it reachable until it is released, and its Release waits
// for the command first, so dropping a slice early cannot let OpenCL write into freed
// memory. A buffer created with MemUseHostPtr pins its slice until the buffer is
// released; finish the queues that use it first. Mapped memory (MapBuffer) belongs to
// OpenCL and must not be used after Unmap.
//
// # Errors
//
// OpenCL status codes become *Error values carrying the OpenCL name and the call,
// e.g. "clBuildProgram: CL_BUILD_PROGRAM_FAILURE (-11)"; errors.Is matches them
// against the exported sentinels (ErrDeviceNotFound, ErrInvalidBufferSize, ...) by
// code. A failed build is a *BuildError holding the compiler's log. Entry points
// newer than OpenCL 1.2 (clCreateCommandQueueWithProperties) are looked up before
// use, with a fallback.
//
// Package cl imports nothing else of numkit's.
package cl
