#include "appsession.h"
