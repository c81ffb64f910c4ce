import { Component, type ReactNode } from 'react';

interface Props {
  /** What part of the panel this guards, for the message. */
  area: string;
  children: ReactNode;
}

/** A rendering bug in one area shows a message there; the rest of the panel keeps working. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="notice error" role="alert">
          The {this.props.area} could not be shown: {this.state.error.message}{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
