// The ways from the editor to the journey's other views, each taken once the last edit is
// stored (those views read it).
export interface Views {
  /** Opens the Funnel view of this journey. */
  onFunnel: () => void;
  /** Opens the Tasks view of this journey. */
  onTasks: (name: string) => void;
  /** Opens the Matrices view of this journey. */
  onMatrices: (name: string) => void;
  /** Opens the Value view of this journey. */
  onValue: (name: string) => void;
  /** Opens the customer data (Back returns here). */
  onData: () => void;
}

export interface ViewLinks {
  funnel: () => void;
  tasks: () => void;
  matrices: () => void;
  value: () => void;
  data: () => void;
}

export function viewLinks(flush: () => Promise<void>, name: string, views: Views): ViewLinks {
  /** Leaves for another view once the last edit is stored (those views read it). */
  const saveThen = (go: () => void) => () => void flush().then(go);
  return {
    funnel: saveThen(views.onFunnel),
    tasks: saveThen(() => views.onTasks(name)),
    matrices: saveThen(() => views.onMatrices(name)),
    value: saveThen(() => views.onValue(name)),
    data: saveThen(views.onData),
  };
}
