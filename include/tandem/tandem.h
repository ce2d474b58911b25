/* Umbrella header: everything most object and VM code needs. */
#ifndef TANDEM_TANDEM_H
#define TANDEM_TANDEM_H
#include "tandem/mode.h"
#include "tandem/object.h"
#include "tandem/type.h"
#include "tandem/lock.h"
#include "tandem/error.h"
#include "tandem/abstract.h"
#include "tandem/tstate.h"
#include "tandem/int.h"
#include "tandem/float.h"
#include "tandem/str.h"
#include "tandem/tuple.h"
#include "tandem/list.h"
#include "tandem/dict.h"
#include "tandem/set.h"
#include "tandem/code.h"
#endif
