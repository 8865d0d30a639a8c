import { HttpException, HttpStatus } from '@nestjs/common';
import type { FieldError } from '@samrad/shared/contracts';

/** 400 with one Norwegian message per bad field. */
export class ValidationFailed extends HttpException {
  constructor(errors: FieldError[]) {
    super({ errors }, HttpStatus.BAD_REQUEST);
  }
  static field(path: string, message: string): ValidationFailed {
    return new ValidationFailed([{ path, message }]);
  }
}

/** 409: the edit was based on an older version than the one stored. */
export class StaleVersion extends HttpException {
  constructor(current: unknown) {
    super(
      { message: 'Noen andre har endret dette etter at du åpnet det. Last inn på nytt for å se endringene.', current },
      HttpStatus.CONFLICT,
    );
  }
}

export class NotFound extends HttpException {
  constructor(what = 'Fant ikke det du lette etter') {
    super({ message: what }, HttpStatus.NOT_FOUND);
  }
}

export class Forbidden extends HttpException {
  constructor(message = 'Du har ikke tilgang til dette') {
    super({ message }, HttpStatus.FORBIDDEN);
  }
}

export class Unauthorized extends HttpException {
  constructor(message = 'Du må logge inn') {
    super({ message }, HttpStatus.UNAUTHORIZED);
  }
}

export class TooManyRequests extends HttpException {
  constructor(message: string, retryAfterSeconds: number) {
    super({ message, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** 409: the record is in a state that forbids the change (e.g. an adopted scenario). */
export class ConflictState extends HttpException {
  constructor(message: string) {
    super({ message }, HttpStatus.CONFLICT);
  }
}

/** 409: the change needs an explicit confirmation, sent in the named field (e.g. deciding while input is open). */
export class NeedsConfirmation extends HttpException {
  constructor(path: string, message: string) {
    super({ message, errors: [{ path, message }] }, HttpStatus.CONFLICT);
  }
}
