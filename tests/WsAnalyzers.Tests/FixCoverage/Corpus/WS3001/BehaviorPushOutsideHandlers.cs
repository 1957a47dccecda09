// A websocket-sharp service that pushes game state to its session from outside its handlers.
// fixed: Send(state);
using WebSocketSharp.Server;

public sealed class GameSession : WebSocketBehavior
{
    public void PushState(string state) => Send(state);
}
